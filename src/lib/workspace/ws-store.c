/* save / open of the whole workspace: its header sections, the datasets, the models, all or nothing (it reads and fills the workspace's fields, so it includes workspace/ws.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reelscope/eval.h"
#include "reelscope/model.h"
#include "reelscope/store.h"
#include "reelscope/stream.h"
#include "store/format.h"
#include "workspace/ws.h"
#include "util/clock.h"
#include "util/xmalloc.h"

void
rs_store_opts_init(rs_store_opts *o)
{
	memset(o, 0, sizeof *o);
}

/* ---- save ---- */

static uint64_t
estimate_bytes(const rs_workspace *ws)
{
	uint64_t b = 0;

	if (ws->base != NULL)
		b += rs_dataset_bytes(ws->base);
	if (ws->data != NULL && ws->data != ws->base)
		b += ws->data->log.n + ws->data->log.n / 8;	/* mostly references */
	for (size_t i = 0; i < ws->nmodels; i++)
		if (ws->models[i]->train != NULL)
			b += ws->models[i]->train->nnz * 20;
	return b;
}

/* Parameters of an operation: their count, then each key and value. */
static void
write_params(struct st_out *o, const rs_step_op *op)
{
	st_put_u32(o, (uint32_t)op->nparams);
	for (size_t k = 0; k < op->nparams; k++) {
		st_put_str(o, op->params[k].key);
		st_put_str(o, op->params[k].value);
	}
}

/* What made base as commands: kind, step kind, parameters. */
static void
write_source(struct st_out *o, const rs_source *src)
{
	st_put_u32(o, (uint32_t)src->ncmds);
	for (size_t i = 0; i < src->ncmds; i++) {
		st_put_u32(o, (uint32_t)src->cmds[i].kind);
		st_put_u32(o, (uint32_t)src->cmds[i].op.kind);
		write_params(o, &src->cmds[i].op);
	}
}

/* The steps as operations: kind, parameters, then what the step did. */
static void
write_steps(struct st_out *o, const rs_workspace *ws)
{
	st_put_u32(o, (uint32_t)ws->nsteps);
	for (size_t i = 0; i < ws->nsteps; i++) {
		const rs_step *s = &ws->steps[i];
		st_put_u32(o, (uint32_t)s->op.kind);
		write_params(o, &s->op);
		st_put_str(o, s->summary);
		st_put_u64(o, s->rows_before);
		st_put_u64(o, s->rows_after);
		st_put_u32(o, s->users_before);
		st_put_u32(o, s->users_after);
		st_put_u32(o, s->items_before);
		st_put_u32(o, s->items_after);
	}
}

static int
write_workspace(struct st_writer *w, const rs_workspace *ws)
{
	struct st_out *o = &w->out;
	const rs_dataset *base = ws->base != NULL ? ws->base : ws->data;
	bool data_is_base = ws->data == base;
	int rc;

	st_put_str(o, rs_version());
	st_put_str(o, ws->source_text);
	st_put_u8(o, base != NULL);
	st_put_u8(o, data_is_base);
	st_put_u8(o, ws->features != NULL);
	st_put_u32(o, (uint32_t)ws->nmodels);
	st_put_u32(o, (uint32_t)ws->nsteps);
	if ((rc = st_write_section(w, ST_WSPC, ST_REQUIRED)) != 0)
		return rc;
	st_put_str(o, ws->id);
	if ((rc = st_write_section(w, ST_WSID, 0)) != 0)
		return rc;
	/* optional: a reader that does not know it reads the same script from
	 * WSPC's text */
	if (ws->source != NULL) {
		write_source(o, ws->source);
		if ((rc = st_write_section(w, ST_SRC, 0)) != 0)
			return rc;
	}
	write_steps(o, ws);
	/* required: a reader that does not know typed steps must refuse */
	if ((rc = st_write_section(w, ST_OPS, ST_REQUIRED)) != 0)
		return rc;
	if (base != NULL) {
		if ((rc = st_write_dataset(w, base, NULL)) != 0)
			return rc;
		if (w->info != NULL)
			w->info->datasets = 1;
		if (!data_is_base) {
			if ((rc = st_write_dataset(w, ws->data, base)) != 0)
				return rc;
			if (w->info != NULL)
				w->info->datasets = 2;
		}
	}
	for (size_t i = 0; i < ws->nmodels; i++)
		if ((rc = st_write_model(w, ws->models[i], ws->models, i)) != 0)
			return rc;
	for (size_t i = 0; i < ws->nresults; i++)
		if ((rc = st_write_result(w, ws->results[i])) != 0)
			return rc;
	for (size_t i = 0; i < ws->nstreams; i++)
		if ((rc = st_write_stream(w, ws->streams[i])) != 0)
			return rc;
	return 0;
}

static int file_id(const char *path, char id[RS_WORKSPACE_ID_LEN + 1]);

int
rs_store_save(const rs_workspace *ws, const char *path, const rs_store_opts *o,
    rs_store_info *info, const rs_hooks *hooks, rs_error *err)
{
	struct st_writer w;
	rs_store_info tmp;
	double t0 = wall_seconds();

	if (info == NULL)
		info = &tmp;
	memset(info, 0, sizeof *info);
	/* refuse before any file exists when a model cannot be written, or
	 * would come back looking trained on the saved data */
	for (size_t i = 0; i < ws->nmodels; i++) {
		if (rs_workspace_model_stale(ws, ws->models[i])) {
			rs_error_set(err, RS_EINVAL,
			    "model %s was trained on a previous dataset (set aside): open would take it for a model of this data; drop it first (models drop=%s)",
			    ws->models[i]->name, ws->models[i]->name);
			return -1;
		}
		if (ws->models[i]->kind->save == NULL) {
			rs_error_set(err, RS_EINVAL,
			    "model %s cannot be saved: kind %s has no save; drop it first (models drop=%s)",
			    ws->models[i]->name, ws->models[i]->kind->name, ws->models[i]->name);
			return -1;
		}
	}
	if (o == NULL || !o->force) {
		char id[RS_WORKSPACE_ID_LEN + 1];
		if (file_id(path, id) && strcmp(id, ws->id) != 0) {
			rs_error_set(err, RS_EINVAL,
			    "%s holds another workspace (not saved from this one); give --force to replace it",
			    path);
			return -1;
		}
	}
	memset(&w, 0, sizeof w);
	w.fd = -1;
	w.hooks = hooks;
	w.err = err;
	w.info = info;
	w.estimate = estimate_bytes(ws);
	if (st_file_begin(&w, path, o != NULL && o->force) != 0 ||
	    write_workspace(&w, ws) != 0 || st_file_finish(&w) != 0) {
		st_file_abort(&w);
		st_out_free(&w.out);
		return -1;
	}
	st_out_free(&w.out);
	info->models = (uint32_t)ws->nmodels;
	info->steps = (uint32_t)ws->nsteps;
	info->results = (uint32_t)ws->nresults;
	info->features = ws->features != NULL;
	info->seconds = wall_seconds() - t0;
	return 0;
}

/* ---- open ---- */

/* A step of a 0.1.0 file: its command text, read into an operation. */
static bool
read_step_text(struct st_in *in, rs_step *s, uint32_t i)
{
	rs_error e;

	if (!st_get_str(in, &s->command))
		return false;
	if (s->command == NULL || s->command[0] == '\0')
		return st_corrupt(in, "step %u has no command", i + 1);
	if (rs_step_op_parse(s->command, &s->op, &e) != 0) {
		/* a step that is not one (load, save...) must not run on undo */
		rs_error_set(in->r->err, RS_EINVAL, "%s: step %u (%.200s) %s",
		    in->r->name, i + 1, s->command, e.msg);
		return false;
	}
	free(s->command);
	s->command = rs_step_op_format(&s->op);
	return true;
}

/* The parameters of an operation into op (what names it in messages:
 * "step", "source command"). */
static bool
read_params(struct st_in *in, rs_step_op *op, const char *what, uint32_t i)
{
	uint32_t n;

	if (!st_get_u32(in, &n))
		return false;
	if (n > (in->len - in->pos) / 8)
		return st_corrupt(in, "%s %u counts %u parameters", what, i + 1, n);
	op->params = xcalloc((size_t)n + 1, sizeof *op->params);
	for (uint32_t k = 0; k < n; k++) {
		rs_step_param *p = &op->params[k];
		op->nparams++;
		if (!st_get_str(in, &p->key) || !st_get_str(in, &p->value))
			return false;
		if (p->key == NULL && p->value == NULL)
			return st_corrupt(in, "%s %u has an empty parameter", what, i + 1);
	}
	return true;
}

/* A step as an operation: its kind and parameters. */
static bool
read_step_op(struct st_in *in, rs_step *s, uint32_t i)
{
	uint32_t kind;

	if (!st_get_u32(in, &kind))
		return false;
	if (rs_step_kind_name((int)kind) == NULL)
		return st_corrupt(in, "step %u has kind %u, which this reelscope does not know",
		    i + 1, kind);
	s->op.kind = (rs_step_kind)kind;
	if (!read_params(in, &s->op, "step", i))
		return false;
	s->command = rs_step_op_format(&s->op);
	return true;
}

/* One command of what made base: its kind, step kind and parameters. */
static bool
read_source_cmd(struct st_in *in, rs_source_cmd *c, uint32_t i)
{
	uint32_t kind, step;

	if (!st_get_u32(in, &kind) || !st_get_u32(in, &step))
		return false;
	if (rs_source_kind_name((int)kind) == NULL)
		return st_corrupt(in, "source command %u has kind %u, which this reelscope does not know",
		    i + 1, kind);
	if (kind == RS_SOURCE_STEP ? rs_step_kind_name((int)step) == NULL : step != 0)
		return st_corrupt(in, "source command %u has step kind %u", i + 1, step);
	c->kind = (rs_source_kind)kind;
	c->op.kind = (rs_step_kind)step;
	if (!read_params(in, &c->op, "source command", i))
		return false;
	if (kind == RS_SOURCE_TEXT && (c->op.nparams != 1 || c->op.params[0].key != NULL))
		return st_corrupt(in, "source command %u is text without its one word", i + 1);
	return true;
}

/* What made base: typed (SRC), or else read from the script in WSPC
 * (files written before SRC existed kept only the text). text is taken. */
static int
read_source(struct st_reader *r, rs_workspace *ws, char *text)
{
	struct st_in in;
	rs_source *src;
	uint32_t n;
	int typed = st_peek_section(r, ST_SRC);

	if (typed < 0) {
		free(text);
		return -1;
	}
	if (!typed) {
		if (text != NULL) {
			ws->source = xcalloc(1, sizeof *ws->source);
			rs_source_parse(text, ws->source);
			ws->source_text = rs_source_format(ws->source);
		}
		free(text);
		return 0;
	}
	free(text);
	if (st_read_section(r, ST_SRC, &in) != 0 || !st_get_u32(&in, &n))
		return -1;
	if (n == 0 || n > (in.len - in.pos) / 12) {
		st_corrupt(&in, "a source of %u commands", n);
		return -1;
	}
	src = ws->source = xcalloc(1, sizeof *ws->source);
	src->cmds = xcalloc((size_t)n, sizeof *src->cmds);
	for (uint32_t i = 0; i < n; i++) {
		src->ncmds++;
		if (!read_source_cmd(&in, &src->cmds[i], i))
			return -1;
	}
	if (!st_get_end(&in))
		return -1;
	ws->source_text = rs_source_format(src);
	return 0;
}

/* The steps, typed (ST_OPS) or, in a file of 0.1.0, as text (ST_STEP). */
static int
read_steps(struct st_reader *r, rs_workspace *ws, uint32_t want)
{
	struct st_in in;
	uint32_t n;
	int typed = st_peek_section(r, ST_OPS);

	if (typed < 0 || st_read_section(r, typed ? ST_OPS : ST_STEP, &in) != 0 ||
	    !st_get_u32(&in, &n))
		return -1;
	if (n != want || n > (in.len - in.pos) / 40) {
		st_corrupt(&in, "%u steps (the workspace counts %u)", n, want);
		return -1;
	}
	ws->steps = xcalloc((size_t)n + 1, sizeof *ws->steps);
	for (uint32_t i = 0; i < n; i++) {
		rs_step *s = &ws->steps[i];
		uint64_t rb, ra;
		ws->nsteps++;
		if (!(typed ? read_step_op(&in, s, i) : read_step_text(&in, s, i)) ||
		    !st_get_str(&in, &s->summary) ||
		    !st_get_u64(&in, &rb) || !st_get_u64(&in, &ra) ||
		    !st_get_u32(&in, &s->users_before) || !st_get_u32(&in, &s->users_after) ||
		    !st_get_u32(&in, &s->items_before) || !st_get_u32(&in, &s->items_after))
			return -1;
		if (s->summary == NULL)
			s->summary = xstrdup("");
		s->rows_before = (size_t)rb;
		s->rows_after = (size_t)ra;
	}
	return st_get_end(&in) ? 0 : -1;
}

/* The signal is not stored: it is decided again from the data read, with
 * the kind the load named (load ... signal=) kept. */
static void
open_signal(rs_workspace *ws)
{
	int kind = -1;

	for (size_t i = 0; ws->source != NULL && i < ws->source->ncmds; i++)
		if (ws->source->cmds[i].kind == RS_SOURCE_LOAD)
			kind = rs_signal_kind_find(rs_step_op_get(&ws->source->cmds[i].op,
			    "signal"));
	rs_signal_detect(ws->base, kind);
	if (ws->data != ws->base)
		rs_signal_detect(ws->data, kind);
}

/* The workspace's id, when the file has one (else the new one made for
 * ws stays). */
static int
read_id(struct st_reader *r, rs_workspace *ws)
{
	struct st_in in;
	char *id = NULL;
	int has = st_peek_section(r, ST_WSID);

	if (has <= 0)
		return has;
	if (st_read_section(r, ST_WSID, &in) != 0 || !st_get_str(&in, &id) ||
	    !st_get_end(&in)) {
		free(id);
		return -1;
	}
	if (id == NULL || strlen(id) != RS_WORKSPACE_ID_LEN) {
		free(id);
		return st_corrupt(&in, "the workspace id is not %d characters",
		    RS_WORKSPACE_ID_LEN) ? 0 : -1;
	}
	memcpy(ws->id, id, RS_WORKSPACE_ID_LEN + 1);
	free(id);
	return 0;
}

/* The id of the workspace file at path into id: 1, or 0 when it is not a
 * workspace file with an id (older, unreadable: the caller's rules for
 * those apply). */
static int
file_id(const char *path, char id[RS_WORKSPACE_ID_LEN + 1])
{
	struct st_reader r;
	struct st_in in;
	rs_error e;
	rs_workspace *ws = rs_workspace_new();
	int found = 0;

	memset(&r, 0, sizeof r);
	r.fd = -1;
	r.err = &e;
	ws->id[0] = '\0';
	if (st_file_open(&r, path) == 0 && st_read_header(&r) == 0 &&
	    st_read_section(&r, ST_WSPC, &in) == 0 && read_id(&r, ws) == 0 &&
	    ws->id[0] != '\0') {
		memcpy(id, ws->id, RS_WORKSPACE_ID_LEN + 1);
		found = 1;
	}
	st_reader_close(&r);
	rs_workspace_free(ws);
	return found;
}

static rs_workspace *
read_workspace(struct st_reader *r)
{
	rs_workspace *ws = rs_workspace_new();
	struct st_in in;
	char *version = NULL, *source = NULL;
	bool has_data, data_is_base, features;
	uint32_t nmodels, nsteps;

	if (st_read_header(r) != 0 || st_read_section(r, ST_WSPC, &in) != 0)
		goto fail;
	if (!st_get_str(&in, &version) || !st_get_str(&in, &source) ||
	    !st_get_bool(&in, &has_data) || !st_get_bool(&in, &data_is_base) ||
	    !st_get_bool(&in, &features) || !st_get_u32(&in, &nmodels) ||
	    !st_get_u32(&in, &nsteps) || !st_get_end(&in))
		goto fail;
	free(version);
	version = NULL;
	if (read_id(r, ws) != 0)
		goto fail;
	if (read_source(r, ws, source) != 0) {
		source = NULL;
		goto fail;
	}
	source = NULL;
	if (read_steps(r, ws, nsteps) != 0)
		goto fail;
	if (has_data) {
		if ((ws->base = st_read_dataset(r, NULL)) == NULL)
			goto fail;
		ws->data = ws->base;
		if (!data_is_base && (ws->data = st_read_dataset(r, ws->base)) == NULL) {
			ws->data = ws->base;
			goto fail;
		}
	}
	if (has_data)
		open_signal(ws);
	if (r->info != NULL) {
		r->info->datasets = has_data ? (data_is_base ? 1 : 2) : 0;
		r->info->features = features;
	}
	ws->models = xcalloc((size_t)(nmodels < 1024 ? nmodels : 1024) + 1,
	    sizeof *ws->models);
	for (uint32_t i = 0; i < nmodels; i++) {
		rs_model *m = st_read_model(r, ws->models, ws->nmodels);
		if (m == NULL)
			goto fail;
		/* grown as models arrive: the count alone allocates nothing big */
		if (ws->nmodels >= 1024)
			ws->models = xreallocarray(ws->models, ws->nmodels + 2,
			    sizeof *ws->models);
		ws->models[ws->nmodels++] = m;
	}
	for (;;) {
		rs_eval_result *res;
		int more = st_peek_section(r, ST_EVAL);
		if (more < 0)
			goto fail;
		if (more == 0)
			break;
		if ((res = st_read_result(r, ws)) == NULL)
			goto fail;
		rs_workspace_add_result(ws, res);
	}
	for (;;) {
		rs_stream_result *sr;
		int more = st_peek_section(r, ST_STRM);
		if (more < 0)
			goto fail;
		if (more == 0)
			break;
		if ((sr = st_read_stream(r)) == NULL)
			goto fail;
		rs_workspace_add_stream(ws, sr);
	}
	if (st_read_trailer(r) != 0)
		goto fail;
	rs_workspace_mark_saved(ws);	/* all of it is in the file */
	return ws;
fail:
	free(version);
	free(source);
	rs_workspace_free(ws);
	return NULL;
}

static rs_workspace *
open_common(struct st_reader *r, rs_store_info *info)
{
	double t0 = wall_seconds();
	rs_workspace *ws;

	ws = read_workspace(r);
	st_reader_close(r);
	if (ws != NULL && info != NULL) {
		info->models = (uint32_t)ws->nmodels;
		info->steps = (uint32_t)ws->nsteps;
		info->results = (uint32_t)ws->nresults;
		info->seconds = wall_seconds() - t0;
	}
	return ws;
}

rs_workspace *
rs_store_open(const char *path, rs_store_info *info, const rs_hooks *hooks,
    rs_error *err)
{
	struct st_reader r;
	double t0 = wall_seconds();
	rs_workspace *ws;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	memset(&r, 0, sizeof r);
	r.fd = -1;
	r.err = err;
	r.info = info;
	r.hooks = hooks;
	if (st_file_open(&r, path) != 0) {
		st_reader_close(&r);
		return NULL;
	}
	ws = open_common(&r, info);
	if (ws != NULL && info != NULL)
		info->seconds = wall_seconds() - t0;
	return ws;
}

rs_workspace *
rs_store_open_mem(const void *buf, size_t len, const char *name,
    rs_store_info *info, const rs_hooks *hooks, rs_error *err)
{
	struct st_reader r;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	memset(&r, 0, sizeof r);
	r.fd = -1;
	r.mem = buf;
	r.size = len;
	r.name = name;
	r.err = err;
	r.info = info;
	r.hooks = hooks;
	return open_common(&r, info);
}
