/* Unit tests of pipeline steps and sources as operations: parse and format, the kind table, apply, undo by replay. */
#include "loadfix.h"

/* text reads into an op that formats as want (NULL: as text itself). */
static void
roundtrip(const char *text, const char *want)
{
	rs_step_op op, again;
	rs_error err;
	char *s, *t;

	CHECK(rs_step_op_parse(text, &op, &err) == 0);
	s = rs_step_op_format(&op);
	CHECK_STR(s, want != NULL ? want : text);
	/* and what it writes reads back into the same op */
	CHECK(rs_step_op_parse(s, &again, &err) == 0);
	t = rs_step_op_format(&again);
	CHECK_STR(t, s);
	CHECK(again.kind == op.kind && again.nparams == op.nparams);
	free(s);
	free(t);
	rs_step_op_free(&op);
	rs_step_op_free(&again);
}

/* text is refused with this message. */
static void
refused(const char *text, const char *msg)
{
	rs_step_op op;
	rs_error err;

	CHECK(rs_step_op_parse(text, &op, &err) == -1);
	CHECK_STR(err.msg, msg);
}

/* A source script reads into these kinds and formats as want (NULL: as
 * text itself), and what it writes reads back the same. */
static void
source_roundtrip(const char *text, const char *kinds, const char *want)
{
	rs_source src, again;
	char *s, *t, got[16];
	size_t i;

	rs_source_parse(text, &src);
	for (i = 0; i < src.ncmds && i + 1 < sizeof got; i++)
		got[i] = "LSAT"[src.cmds[i].kind];
	got[i] = '\0';
	CHECK_STR(got, kinds);
	s = rs_source_format(&src);
	CHECK_STR(s, want != NULL ? want : text);
	rs_source_parse(s, &again);
	t = rs_source_format(&again);
	CHECK_STR(t, s);
	CHECK(again.ncmds == src.ncmds);
	free(s);
	free(t);
	rs_source_free(&src);
	rs_source_free(&again);
}

static void
test_source(void)
{
	rs_source src, copy;
	rs_step_op op;
	char *s;

	source_roundtrip("load log.csv", "L", NULL);
	source_roundtrip("load data/features/log.csv items=data/features/items.csv creator=creator",
	    "L", NULL);
	source_roundtrip("load samples/world --skip-bad", "L", NULL);
	source_roundtrip("load \"my log.csv\" delim=\";\" header=no", "L", NULL);
	source_roundtrip("load  'a.csv'   user=u", "L", "load a.csv user=u");
	source_roundtrip("load w --skip-bad; clean dedup; split user test=0.2; anonymize key=#1",
	    "LSSA", NULL);
	source_roundtrip("load w;clean dedup", "LS", "load w; clean dedup");
	/* what the engine does not read stays as it was given */
	source_roundtrip("train.csv", "T", NULL);
	source_roundtrip("samples/world;  v2 ", "T", NULL);
	source_roundtrip("", "T", NULL);
	source_roundtrip("lo x.csv; clean dedup", "TS", NULL);
	source_roundtrip("load w; spl user", "LT", NULL);
	source_roundtrip("load \"x.csv", "T", NULL);
	rs_source_parse("load w; split user test=0.2", &src);
	CHECK(src.ncmds == 2 && src.cmds[1].op.kind == RS_STEP_SPLIT);
	CHECK_STR(rs_step_op_get(&src.cmds[1].op, "test"), "0.2");
	CHECK(src.cmds[0].op.nparams == 1 && src.cmds[0].op.params[0].key == NULL);
	CHECK_STR(src.cmds[0].op.params[0].value, "w");
	rs_source_copy(&copy, &src);
	s = rs_source_format(&copy);
	CHECK_STR(s, "load w; split user test=0.2");
	free(s);
	/* built by hand, as a front end or a library user would */
	memset(&op, 0, sizeof op);
	rs_step_op_add(&op, NULL, "k dir");
	rs_step_op_add(&op, "skip-bad", NULL);
	rs_source_add(&copy, RS_SOURCE_LOAD, &op);
	rs_step_op_free(&op);
	s = rs_source_format(&copy);
	CHECK_STR(s, "load w; split user test=0.2; load \"k dir\" --skip-bad");
	free(s);
	CHECK_STR(rs_source_kind_name(RS_SOURCE_ANONYMIZE), "anonymize");
	CHECK(rs_source_kind_name(RS_SOURCE_NKINDS) == NULL);
	rs_source_free(&copy);
	rs_source_free(&src);
}

static void
test_text(void)
{
	rs_step_op op;
	rs_error err;

	roundtrip("clean dedup", NULL);
	roundtrip("clean outliers watch_ratio method=z scale=log side=upper", NULL);
	roundtrip("classify target=category text=caption,title test=0 --fill", NULL);
	roundtrip("split files test=\"a b.csv\" valid=", NULL);
	roundtrip("features text=\"say \\\"hi\\\"\"", NULL);
	roundtrip("clean fill \"a=b\" value=\"\"", "clean fill \"a=b\" value=");
	roundtrip("clean fill \"--x\" \"\" '#c'", "clean fill \"--x\" \"\" \"#c\"");
	roundtrip("clea   dedup   --force", "clean dedup --force");
	roundtrip("split user path=C:\\data", NULL);
	refused("load data/x.csv", "load is not a pipeline step");
	refused("save w.rsw", "save is not a pipeline step");
	refused("cl dedup", "cl is not a pipeline step");	/* clean or classify */
	refused("clean dedup; save x", "is more than one command, not one step");
	refused("split files test=\"a", "does not parse: unterminated double quote");
	refused("   ", "is empty");
	CHECK(rs_step_op_parse("split user test=0.2 seed=7 test=0.3", &op, &err) == 0);
	CHECK_STR(rs_step_op_get(&op, "test"), "0.3");
	CHECK(rs_step_op_get(&op, "valid") == NULL);
	rs_step_op_free(&op);
	CHECK_STR(rs_step_kind_name(RS_STEP_CLASSIFY), "classify");
	CHECK(rs_step_kind_name(RS_STEP_NKINDS) == NULL);
	CHECK(rs_step_kind_find("feat") == RS_STEP_FEATURES);
	CHECK(rs_step_kind_find("c") == -1);	/* clean or classify */
}

/* Apply text to ws; 0 or -1 (err in msg). */
static int
apply(rs_workspace *ws, const char *text, rs_error *err)
{
	rs_step_op op;
	int rc;

	if (rs_step_op_parse(text, &op, err) != 0)
		return -1;
	rc = rs_workspace_apply(ws, &op, NULL, NULL, err);
	rs_step_op_free(&op);
	return rc;
}

static void
test_apply_undo(void)
{
	rs_workspace *ws = rs_workspace_new();
	rs_error err;
	rs_dataset *ds;
	size_t rows;
	uint64_t gen;

	ds = load(write_file("log.csv",
	    "user,item,rating,ts\n"
	    "u1,i1,5,100\nu1,i1,5,100\nu1,i2,3,200\nu1,i3,4,300\n"
	    "u2,i1,2,150\nu2,i2,5,250\nu2,i3,1,350\nu3,i1,4,120\n"
	    "u3,i2,4,220\nu3,i3,2,320\n"), &err);
	CHECK(ds != NULL);
	if (ds == NULL) {
		rs_workspace_free(ws);
		return;
	}
	rs_workspace_set_base(ws, ds, "load log.csv");
	CHECK_STR(rs_workspace_source(ws), "load log.csv");
	CHECK(rs_workspace_source_record(ws)->ncmds == 1 &&
	    rs_workspace_source_record(ws)->cmds[0].kind == RS_SOURCE_LOAD);
	rows = ds->log.n;
	CHECK(apply(ws, "clean dedup", &err) == 0);
	CHECK(rs_workspace_data(ws)->log.n == rows - 1);
	CHECK(apply(ws, "split random test=0.3 seed=3", &err) == 0);
	CHECK(rs_workspace_nsteps(ws) == 2);
	CHECK_STR(rs_workspace_step(ws, 1)->command, "split random test=0.3 seed=3");
	CHECK(rs_workspace_step(ws, 1)->op.kind == RS_STEP_SPLIT);
	/* a step that fails changes nothing */
	CHECK(apply(ws, "split sideways", &err) == -1);
	CHECK_STR(err.msg, "split: unknown kind sideways (random, user, temporal, leave-last, kfold, observed, files)");
	CHECK(apply(ws, "clean outliers rating k=2 method=z", &err) == -1);
	CHECK_STR(err.msg, "clean outliers: k= goes with method=iqr; method=z takes z=");
	CHECK(apply(ws, "classify target=x", &err) == -1);
	CHECK_STR(err.msg, "classify is a pipeline step only with --fill");
	CHECK(rs_workspace_nsteps(ws) == 2);
	/* undo replays the kept steps on base */
	CHECK(rs_workspace_undo(ws, 1, NULL, &err) == 0);
	CHECK(rs_workspace_nsteps(ws) == 1);
	CHECK(rs_workspace_data(ws)->log.n == rows - 1);
	CHECK(rs_workspace_undo(ws, 2, NULL, &err) == -1);
	CHECK_STR(err.msg, "only 1 step to undo");
	gen = rs_workspace_generation(ws);
	CHECK(rs_workspace_undo(ws, 1, NULL, &err) == 0);
	CHECK(rs_workspace_nsteps(ws) == 0);
	/* back on base with no step replayed: the data changed all the same,
	 * so models and results of the undone state are out of date */
	CHECK(rs_workspace_generation(ws) > gen);
	CHECK(rs_workspace_data(ws) == rs_workspace_base(ws));
	rs_workspace_free(ws);
}

int
main(void)
{
	if (fixture_begin("steps") != 0)
		return 99;
	test_text();
	test_source();
	test_apply_undo();
	fixture_end();
	return check_done("test-steps");
}
