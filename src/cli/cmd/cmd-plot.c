/* plot: loss curves, score distributions, exposure and popularity plots, histograms — through gnuplot, or as text without it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/plot/plot.h"
#include "util/tempfile.h"
#include "util/xmalloc.h"

static const struct cmd_opt plot_opts[] = {
	{ "model", OPT_STR, NULL, 0, -1, NULL,
	  "models to draw, A,B,... (default: every model; scores, longtail, tradeoff: the last trained)" },
	{ "to", OPT_PATH, NULL, 0, -1, NULL,
	  "write the plot to FILE.png, FILE.svg or FILE.pdf" },
	{ "term", OPT_ENUM, "text|sixel", 0, -1, "text",
	  "draw on the terminal as text or as a sixel image" },
	{ "script", OPT_PATH, NULL, 0, -1, NULL,
	  "also save the gnuplot script as FILE.gp, with its data in FILE.dat" },
	{ "size", OPT_STR, NULL, 0, -1, NULL,
	  "WxH: characters for text (default: the terminal's), pixels for images (800x600)" },
	{ "bins", OPT_INT, NULL, 1, 1000, "20", "hist: number of bins" },
	{ "range", OPT_STR, NULL, 0, -1, NULL,
	  "hist: LO:HI, count only values within (either end may be left empty)" },
	{ "k", OPT_INT, NULL, 1, 1000, "10",
	  "length of the recommendation lists (longtail, lorenz, exposure, merit, tradeoff)" },
	{ "method", OPT_ENUM, "mmr|xquad|calibrated|fair|maximin", 0, -1, "mmr",
	  "tradeoff: the re-ranker" },
	{ "values", OPT_STR, NULL, 0, -1, NULL,
	  "tradeoff: the values swept, FROM:TO:STEP or a list (default 0:1:0.1; maximin 0:2:0.2)" },
	{ "candidates", OPT_INT, NULL, 1, 100000, "100", "tradeoff: the top-K items re-ranked" },
	{ "metric", OPT_STR, NULL, 0, -1, "ndcg@K",
	  "stream: recall@K, ndcg@K, hit@K, coverage, new_items or update_us" },
	{ "window", OPT_STR, NULL, 0, -1, "1d", "trend: window length (1h, 6h, 1d, 7d)" },
	{ "propensity", OPT_STR, NULL, 0, -1, "propensity",
	  "propensity, debias: the log column of propensities" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field plot_fields[] = {
	{ "plot", "what was drawn" },
	{ "model_names", "the models drawn (JSON only)" },
	{ "models", "per model: loss: epochs, best_epoch, last_loss, metric; scores: positives, others, min, max; longtail: users, items_recommended, coverage, top20_share; lorenz, exposure, merit: users, creators (or items), gini (merit: equity_of_attention); debias: model, truth, naive, ips, snips; calibration: rows, ece, calibrated" },
	{ "users", "scores: test users drawn (at most 300, evenly spread)" },
	{ "test_users", "scores: users with held-out rows" },
	{ "items", "longtail: items of the data" },
	{ "data_top20_share", "longtail: share of training rows on the 20% most popular items" },
	{ "k", "longtail, lorenz, exposure, merit, tradeoff: list length" },
	{ "deciles", "exposure: per creator popularity decile, the training interaction share and each model's exposure share" },
	{ "method", "tradeoff: the re-ranker" },
	{ "param", "tradeoff: the parameter swept" },
	{ "candidates", "tradeoff: items re-ranked per user" },
	{ "rows", "tradeoff: per model, as it ranks (value null) and per value: value, ndcg, gini, creator_coverage" },
	{ "column", "hist, trend, propensity: the column" },
	{ "table", "hist, propensity: log, items or users" },
	{ "values", "hist, propensity: values counted; trend: per value: value, events, first, last (its share in the first and last window)" },
	{ "missing", "hist: missing values left out" },
	{ "outside", "hist: values outside range= left out" },
	{ "from", "hist: the low end of the bins" },
	{ "to", "hist: the high end of the bins" },
	{ "bins", "hist: number of bins" },
	{ "bin_width", "hist: width of a bin" },
	{ "stream", "stream: the stream result drawn" },
	{ "metric", "stream: the metric; debias: the metric checked" },
	{ "tau", "debias: Kendall tau-b of each estimator's model order vs the truth's (naive, ips, snips)" },
	{ "strategies", "stream: per strategy: update, windows, overall" },
	{ "windows", "trend: windows drawn" },
	{ "renderer", "gnuplot, or built-in when gnuplot is missing" },
	{ "output", "text, sixel, or the file written" },
	{ "bytes", "size of the file written" },
	{ "script", "the gnuplot script saved (script=)" },
	{ "data", "its data file" },
	{ NULL, NULL }
};

enum plot_what { PW_LOSS, PW_SCORES, PW_LORENZ, PW_EXPOSURE, PW_MERIT,
	PW_LONGTAIL, PW_TRADEOFF, PW_HIST, PW_STREAM, PW_TREND, PW_PROPENSITY,
	PW_DEBIAS, PW_CALIBRATION, PW_COUNT };

static const char *const what_names[PW_COUNT] = { "loss", "scores", "lorenz",
	"exposure", "merit", "longtail", "tradeoff", "hist", "stream", "trend",
	"propensity", "debias", "calibration" };

/* ---- output targets ---- */

/* The terminal's size in characters: COLUMNS/LINES, else the terminal's
 * own, else 80x24. */
static void
terminal_size(FILE *out, int *w, int *h)
{
	const char *c = getenv("COLUMNS"), *l = getenv("LINES");
	struct winsize ws;

	*w = 80;
	*h = 24;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0 && ws.ws_row > 0) {
		*w = ws.ws_col;
		*h = ws.ws_row - 1;	/* the prompt keeps its line */
	}
	if (c != NULL && atoi(c) > 0)
		*w = atoi(c);
	if (l != NULL && atoi(l) > 0)
		*h = atoi(l) - 1;
	if (*w < 30)
		*w = 30;
	if (*w > 500)
		*w = 500;
	if (*h < 10)
		*h = 10;
	if (*h > 50)
		*h = 50;
}

/* Check an output path: no control characters, an existing folder, not a
 * folder or special file itself. Message into msg. */
static bool
check_out_path(const char *opt, const char *path, char *msg, size_t size)
{
	struct stat st;
	char *dir;

	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p < 0x20 || *p == 0x7F) {
			snprintf(msg, size, "plot: %s= has a control character in its name",
			    opt);
			return false;
		}
	if (path[strlen(path) - 1] == '/') {
		snprintf(msg, size, "plot: %s=%s: give a file name", opt, path);
		return false;
	}
	dir = util_path_dir(path);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(msg, size, "plot: %s=%s: folder %s does not exist", opt, path,
		    dir);
		free(dir);
		return false;
	}
	free(dir);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(msg, size, "plot: %s=%s: %s", opt, path, S_ISDIR(st.st_mode) ?
		    "is a folder" : "exists and is not a regular file");
		return false;
	}
	return true;
}

/* The terminal an output file's extension calls for. */
static bool
term_of_file(const char *path, enum plot_term *t)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (dot == NULL || (slash != NULL && dot < slash))
		return false;
	if (strcasecmp(dot, ".png") == 0)
		*t = PT_PNG;
	else if (strcasecmp(dot, ".svg") == 0)
		*t = PT_SVG;
	else if (strcasecmp(dot, ".pdf") == 0)
		*t = PT_PDF;
	else
		return false;
	return true;
}

/* A new empty hidden file next to path, readable as a plain new file
 * would be. Returns its name (caller frees), or NULL with msg. */
static char *
temp_beside_plot(const char *path, char *msg, size_t size)
{
	mode_t mask = umask(0);
	char *tmp;
	int fd;

	umask(mask);
	fd = util_temp_beside(path, 0666 & ~mask, &tmp);
	if (fd < 0) {
		snprintf(msg, size, "plot: cannot write in the folder of %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Write text to path through a temporary file and a rename. */
static bool
write_atomic(const char *path, const char *text, char *msg, size_t size)
{
	char *tmp = temp_beside_plot(path, msg, size);
	FILE *f;
	bool ok;

	if (tmp == NULL)
		return false;
	f = fopen(tmp, "w");
	ok = f != NULL && fputs(text, f) >= 0;
	if (f != NULL && fclose(f) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		snprintf(msg, size, "plot: cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok;
}

/* Whether line[0..n) shows nothing: blanks and ANSI colour sequences. */
static bool
blank_line(const char *line, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (line[i] == '\033' && i + 1 < n && line[i + 1] == '[') {
			for (i += 2; i < n && !(line[i] >= '@' && line[i] <= '~'); i++)
				;
			continue;
		}
		if (line[i] != ' ' && line[i] != '\f')
			return false;
	}
	return true;
}

/* Drop trailing blanks of every line and the lines that show nothing at
 * the top and the bottom; a coloured plot ends by resetting the colour. */
static void
tidy_text(struct strbuf *sb)
{
	struct strbuf t;
	const char *p;
	bool colour;
	size_t first = 0, last = 0, k = 0;

	if (sb->s == NULL)
		return;
	colour = strchr(sb->s, '\033') != NULL;
	/* which lines show something */
	for (p = sb->s; *p; k++) {
		size_t n = strcspn(p, "\n");
		if (!blank_line(p, n)) {
			if (last == 0)
				first = k + 1;
			last = k + 1;
		}
		p += n + (p[n] == '\n');
	}
	sb_init(&t);
	k = 0;
	for (p = sb->s; *p && last > 0; k++) {
		size_t n = strcspn(p, "\n");
		if (k + 1 >= first && k + 1 <= last) {
			size_t m = n;
			while (m > 0 && p[m - 1] == ' ')
				m--;
			if (t.len > 0)
				sb_putc(&t, '\n');
			sb_add(&t, p, m);
		}
		p += n + (p[n] == '\n');
	}
	if (colour && t.len > 0)
		sb_puts(&t, "\033[0m");
	sb_free(sb);
	*sb = t;
	if (sb->s == NULL)
		sb_add(sb, "", 0);
}

/* Each line of text as a note: drawn before the result in text, carried
 * in "notes" by JSON. */
static void
note_lines(struct report *r, const char *text)
{
	const char *p = text;

	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		int n = nl ? (int)(nl - p) : (int)strlen(p);
		report_note(r, "%.*s", n, p);
		p = nl ? nl + 1 : NULL;
	}
}

/* ---- models ---- */

/* The models named by model=A,B (each checked), or the default set. */
static rs_model **
pick_named(struct session *s, const struct cmd_call *c, enum plot_what w,
    size_t *n)
{
	const char *list = call_get(c, "model");
	rs_workspace *ws = s->ws;
	rs_model **ms;

	*n = 0;
	if (rs_workspace_nmodels(ws) == 0) {
		cmd_error(s, "plot %s: no model trained yet (train NAME model=KIND first)",
		    what_names[w]);
		return NULL;
	}
	ms = xmalloc(rs_workspace_nmodels(ws) * sizeof *ms);
	if (list == NULL) {
		if (w == PW_SCORES || w == PW_LONGTAIL || w == PW_TRADEOFF) {
			ms[(*n)++] = rs_workspace_last_model(ws);
			return ms;
		}
		for (size_t i = 0; i < rs_workspace_nmodels(ws); i++) {
			rs_model *m = rs_workspace_model_at(ws, i);
			if (w != PW_LOSS || (m->nepochs > 0 && m->kind->epoch != NULL))
				ms[(*n)++] = m;
		}
		if (*n == 0) {
			free(ms);
			cmd_error(s, "plot loss: no model has a training history (only models trained epoch by epoch have one: mf, als, bpr)");
			return NULL;
		}
		return ms;
	}
	for (const char *p = list; ; ) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *name = xstrndup(p, len);
		rs_model *m = rs_workspace_model(ws, name);
		bool dup = false;
		if (m == NULL) {
			char names[512] = "";
			for (size_t i = 0; i < rs_workspace_nmodels(ws); i++)
				snprintf(names + strlen(names), sizeof names - strlen(names),
				    "%s%s", i ? ", " : "", rs_workspace_model_at(ws, i)->name);
			cmd_error(s, "plot %s: no model named %s (models: %s)",
			    what_names[w], name, names);
			free(name);
			free(ms);
			return NULL;
		}
		free(name);
		for (size_t i = 0; i < *n; i++)
			dup |= ms[i] == m;
		if (!dup && *n < rs_workspace_nmodels(ws))
			ms[(*n)++] = m;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	return ms;
}

/* The models a plot draws: the named ones (model=A,B) or its default; the
 * plots of rankings leave out lr and fm, which rank nothing (their
 * popularity fallback would be drawn under their names). */
static rs_model **
pick_models(struct session *s, const struct cmd_call *c, enum plot_what w,
    size_t *n)
{
	rs_model **ms = pick_named(s, c, w, n);
	size_t keep = 0;

	if (ms == NULL || w == PW_LOSS || w == PW_CALIBRATION)
		return ms;
	for (size_t i = 0; i < *n; i++)
		if (!rs_model_is_ctr(ms[i]))
			ms[keep++] = ms[i];
	if (keep == 0) {
		free(ms);
		cmd_error(s, "plot %s: %s predicts a label per log row and ranks no items (plot calibration draws it)",
		    what_names[w], *n == 1 ? "the model" : "each model");
		return NULL;
	}
	*n = keep;
	return ms;
}

/* ---- the command ---- */

/* range=LO:HI (either end may be empty); no option: no limits. */
static bool
parse_range(struct session *s, const char *v, double *lo, double *hi)
{
	const char *colon = v ? strchr(v, ':') : NULL;
	char *end;

	if (v == NULL)
		return true;
	if (colon == NULL)
		goto bad;
	if (colon > v) {
		*lo = strtod(v, &end);
		if (end != colon || !isfinite(*lo))
			goto bad;
	}
	if (colon[1] != '\0') {
		*hi = strtod(colon + 1, &end);
		if (*end != '\0' || !isfinite(*hi))
			goto bad;
	}
	if (*lo > *hi) {
		cmd_error(s, "plot hist: range=%s is empty (LO above HI)", v);
		return false;
	}
	return true;
bad:
	cmd_error(s, "plot hist: range=%s is not LO:HI (e.g. range=0:5 or range=:10)", v);
	return false;
}

/* plot stream NAME and plot trend COLUMN: plots of time. */
static struct plot_spec *
build_time(struct session *s, struct cmd_call *c, enum plot_what w,
    struct rnode *root)
{
	const rs_stream_result *sr;
	struct plot_spec *p;
	rs_dataset *ds;
	rs_error err;

	rs_error_clear(&err);
	if (c->nargs < 2) {
		cmd_error(s, w == PW_STREAM ?
		    "plot stream: which stream result? usage: plot stream NAME" :
		    "plot trend: which column? usage: plot trend COLUMN");
		return NULL;
	}
	if (w == PW_STREAM) {
		if ((sr = rs_workspace_stream(s->ws, c->args[1])) == NULL) {
			cmd_error(s, "plot stream: no stream result named %s (run stream %s model=KIND first)",
			    c->args[1], c->args[1]);
			return NULL;
		}
		p = plot_build_stream(sr, call_get(c, "metric"), root, &err);
	} else {
		if ((ds = session_data(s)) == NULL)
			return NULL;
		p = plot_build_trend(ds, c->args[1], call_get(c, "window"), root, &err);
	}
	if (p == NULL)
		cmd_error(s, "%s%s", w == PW_TREND ? "plot " : "", err.msg);
	return p;
}

/* The plot of the models ms of the current data ds; the engine's notes
 * during audits go to a report nobody reads, as the plot shows the figures. */
static struct plot_spec *
build_models(struct session *s, struct cmd_call *c, enum plot_what w,
    rs_dataset *ds, rs_model **ms, size_t n, struct rnode *root, rs_error *err)
{
	struct report *scratch = report_new("plot");
	rs_hooks h = session_hooks(s, scratch);
	size_t k = (size_t)call_int(c, "k", 10);
	struct plot_spec *p = NULL;

	switch (w) {
	case PW_LOSS:
		p = plot_build_loss(ms, n, root, err);
		break;
	case PW_SCORES:
		p = plot_build_scores(ds, ms, n, root, err);
		break;
	case PW_LORENZ:
		p = plot_build_lorenz(ds, &h, ms, n, k, root, err);
		break;
	case PW_EXPOSURE:
		p = plot_build_exposure(ds, &h, ms, n, k, root, err);
		break;
	case PW_MERIT:
		p = plot_build_merit(ds, &h, ms, n, k, root, err);
		break;
	case PW_TRADEOFF:
		p = plot_build_tradeoff(ds, &h, ms, n, call_get(c, "method") ?
		    call_get(c, "method") : "mmr", call_get(c, "values"), k,
		    (size_t)call_int(c, "candidates", 100), root, err);
		break;
	case PW_LONGTAIL:
		p = plot_build_longtail(ds, ms, n, k, root, err);
		break;
	default:
		break;
	}
	report_free(scratch);
	return p;
}

/* plot propensity: the histogram of the propensity column over [0, 1];
 * plot debias: the debias check's figures per model. */
static struct plot_spec *
build_bias(struct session *s, struct cmd_call *c, enum plot_what w,
    struct rnode *root)
{
	const char *col = call_get(c, "propensity") ? call_get(c, "propensity") : "propensity";
	const char *m = call_get(c, "metric");
	rs_dataset *ds;
	rs_debias_opts o;
	rs_debias_result res;
	rs_model **ms;
	struct plot_spec *p;
	rs_hooks h;
	struct report *scratch;
	size_t n;
	int rc;
	rs_error err;

	if (c->nargs > 1) {
		cmd_error(s, "plot %s: takes no column (propensity=COL names the propensities)",
		    what_names[w]);
		return NULL;
	}
	if ((ds = session_data(s)) == NULL)
		return NULL;
	if (rs_table_find(&ds->log.cols, col) < 0) {
		cmd_error(s, "plot %s: no propensities: the log has no column %s (run propensity method=pop or method=truth first)",
		    what_names[w], col);
		return NULL;
	}
	rs_error_clear(&err);
	if (w == PW_PROPENSITY) {
		p = plot_build_hist(ds, col, (int)call_int(c, "bins", 20), 0, 1, root, &err);
		if (p == NULL && err.msg[0] != '\0')
			cmd_error(s, "%s", err.msg);
		return p;
	}
	rs_debias_opts_init(&o);
	o.k = (uint32_t)call_int(c, "k", 10);
	if (m != NULL && strncmp(m, "recall@", 7) == 0) {
		o.ndcg = false;
		o.k = (uint32_t)atoi(m + 7);
	} else if (m != NULL && strncmp(m, "ndcg@", 5) == 0 && strcmp(m, "ndcg@K") != 0)
		o.k = (uint32_t)atoi(m + 5);
	else if (m != NULL && strcmp(m, "ndcg@K") != 0) {
		cmd_error(s, "plot debias: metric=%s: give ndcg@K or recall@K", m);
		return NULL;
	}
	if (o.k == 0) {
		cmd_error(s, "plot debias: metric=%s: the cutoff must be a whole number from 1", m);
		return NULL;
	}
	o.propensity = col;
	if ((ms = pick_models(s, c, w, &n)) == NULL)
		return NULL;
	/* the evaluations' notes go to a report nobody shows: the plot is
	 * the result */
	scratch = report_new("plot");
	h = session_hooks(s, scratch);
	o.hooks = &h;
	rc = rs_debias_check(ds, ms, n, &o, &res, &err);
	report_free(scratch);
	if (rc != 0) {
		free(ms);
		cmd_error(s, "plot debias: %s", err.msg);
		return NULL;
	}
	free(ms);
	p = plot_build_debias(&res, root);
	rs_debias_result_free(&res);
	return p;
}

/* plot calibration [NAME]: the named probability model (or model=A,B),
 * else every one. */
static struct plot_spec *
build_calibration(struct session *s, struct cmd_call *c, struct rnode *root)
{
	rs_dataset *ds = session_data(s);
	struct plot_spec *p;
	rs_model **ms;
	size_t n = 0;
	rs_error err;

	if (ds == NULL)
		return NULL;
	if (c->nargs > 1) {
		rs_model *m = rs_workspace_model(s->ws, c->args[1]);
		if (m == NULL || !rs_model_is_ctr(m)) {
			cmd_error(s, "plot calibration: %s %s", c->args[1], m == NULL ?
			    "is not a model's name" : "does not predict probabilities (lr and fm do)");
			return NULL;
		}
		ms = xmalloc(sizeof *ms);
		ms[n++] = m;
	} else {
		if ((ms = pick_models(s, c, PW_CALIBRATION, &n)) == NULL)
			return NULL;
		size_t keep = 0;
		for (size_t i = 0; i < n; i++)
			if (rs_model_is_ctr(ms[i]))
				ms[keep++] = ms[i];
		n = keep;
	}
	p = n ? plot_build_calibration(ds, ms, n, root, &err) : NULL;
	free(ms);
	if (n == 0)
		cmd_error(s, "plot calibration: no probability model (train NAME model=lr target=COL)");
	else if (p == NULL)
		cmd_error(s, "plot calibration: %s", err.msg);
	return p;
}

/* The plot w asks for, its figures under root; NULL after reporting why. */
static struct plot_spec *
build(struct session *s, struct cmd_call *c, enum plot_what w,
    struct rnode *root)
{
	struct plot_spec *p = NULL;
	rs_model **ms = NULL;
	rs_dataset *ds;
	size_t n = 0;
	double lo = -INFINITY, hi = INFINITY;
	rs_error err;

	rs_error_clear(&err);
	if (w == PW_HIST) {
		if (c->nargs < 2) {
			cmd_error(s, "plot hist: which column? usage: plot hist COLUMN");
			return NULL;
		}
		if (!parse_range(s, call_get(c, "range"), &lo, &hi))
			return NULL;
		if ((ds = session_data(s)) == NULL)
			return NULL;
		p = plot_build_hist(ds, c->args[1], (int)call_int(c, "bins", 20), lo,
		    hi, root, &err);
		if (p == NULL && err.msg[0] != '\0')
			cmd_error(s, "%s", err.msg);
		return p;
	}
	if (w == PW_STREAM || w == PW_TREND)
		return build_time(s, c, w, root);
	if (w == PW_PROPENSITY || w == PW_DEBIAS)
		return build_bias(s, c, w, root);
	if (w == PW_CALIBRATION)
		return build_calibration(s, c, root);
	if (c->nargs > 1) {
		cmd_error(s, "plot %s: takes no column (only plot hist COLUMN does)",
		    what_names[w]);
		return NULL;
	}
	if ((ds = session_data(s)) == NULL)
		return NULL;
	if ((ms = pick_models(s, c, w, &n)) == NULL)
		return NULL;
	{
		struct rnode *names = rn_flags(rn_arr(root, "model_names"), RF_TEXT_HIDE);
		for (size_t i = 0; i < n; i++)
			rn_str(names, NULL, ms[i]->name);
	}
	p = build_models(s, c, w, ds, ms, n, root, &err);
	free(ms);
	if (p == NULL && err.msg[0] != '\0')
		cmd_error(s, "%s", err.msg);
	return p;
}

/* Parse size=WxH within limits. */
static bool
parse_size(struct session *s, const char *v, bool text, int *w, int *h)
{
	char *end;
	long a, b;
	int lo_w = text ? 30 : 100, hi_w = text ? 500 : 10000;
	int lo_h = text ? 10 : 100, hi_h = text ? 200 : 10000;

	errno = 0;
	a = strtol(v, &end, 10);
	if (end == v || (*end != 'x' && *end != 'X')) {
		cmd_error(s, "plot: size=%s is not WIDTHxHEIGHT (e.g. size=100x30)", v);
		return false;
	}
	v = end + 1;
	b = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0) {
		cmd_error(s, "plot: size=%s is not WIDTHxHEIGHT (e.g. size=100x30)", v);
		return false;
	}
	if (a < lo_w || a > hi_w || b < lo_h || b > hi_h) {
		cmd_error(s, "plot: size=%ldx%ld is out of range (%s: %dx%d to %dx%d)",
		    a, b, text ? "characters" : "pixels", lo_w, lo_h, hi_w, hi_h);
		return false;
	}
	*w = (int)a;
	*h = (int)b;
	return true;
}

/* The data file beside a script: FILE.gp -> FILE.dat. */
static char *
data_path_of(const char *script)
{
	size_t len = strlen(script);

	return xasprintf("%.*s.dat", (int)(len - 3), script);
}

/* Where the plot goes (to=, term=, size=) and the script= name, all
 * checked before any work; CMD_ERROR after reporting why. */
static enum cmd_ret
choose_target(struct session *s, const struct cmd_call *c, struct plot_target *t)
{
	const char *to = call_get(c, "to"), *term = call_get(c, "term");
	const char *script = call_get(c, "script");
	char msg[1100];

	if (to != NULL) {
		if (term != NULL)
			return cmd_error(s, "plot: give to=FILE or term=%s, not both", term);
		if (!term_of_file(to, &t->term))
			return cmd_error(s, "plot: to=%s: the name must end in .png, .svg or .pdf",
			    to);
		if (!check_out_path("to", to, msg, sizeof msg))
			return cmd_error(s, "%s", msg);
		t->width = 800;
		t->height = 600;
	} else if (term != NULL && strcmp(term, "sixel") == 0) {
		if (s->json)
			return cmd_error(s, "plot: term=sixel draws on the terminal; not with JSON output");
		t->term = PT_SIXEL;
		t->width = 800;
		t->height = 600;
	} else {
		terminal_size(s->out, &t->width, &t->height);
		const char *nc = getenv("NO_COLOR");	/* no-color.org: set and not empty */
		t->color = isatty(fileno(s->out)) && (nc == NULL || *nc == '\0') && !s->json;
	}
	if (call_has(c, "size") && !parse_size(s, call_get(c, "size"),
	    t->term == PT_TEXT, &t->width, &t->height))
		return CMD_ERROR;
	if (script != NULL) {
		size_t len = strlen(script);
		if (len < 4 || strcmp(script + len - 3, ".gp") != 0)
			return cmd_error(s, "plot: script=%s: the name must end in .gp", script);
		if (!check_out_path("script", script, msg, sizeof msg))
			return cmd_error(s, "%s", msg);
	}
	return CMD_OK;
}

/* Save script= and its data file: the script draws what was drawn, on the
 * file, or on gnuplot's default terminal. */
static enum cmd_ret
save_script(struct session *s, const struct plot_spec *p,
    const struct plot_target *t, const char *to, const char *script,
    struct rnode *root)
{
	char *dat = data_path_of(script), *data = plot_data_text(p), *text;
	const char *base = strrchr(dat, '/') ? strrchr(dat, '/') + 1 : dat;
	struct plot_target st2 = *t;
	enum cmd_ret ret = CMD_OK;
	char msg[1100];

	if (t->term == PT_TEXT || t->term == PT_SIXEL)
		st2.term = PT_NONE;
	st2.output = to;
	st2.color = false;
	text = plot_script(p, &st2, base);
	if (!check_out_path("script", dat, msg, sizeof msg) ||
	    !write_atomic(dat, data, msg, sizeof msg) ||
	    !write_atomic(script, text, msg, sizeof msg))
		ret = cmd_error(s, "%s", msg);
	else {
		rn_str(root, "script", script);
		rn_str(root, "data", dat);
	}
	free(text);
	free(data);
	free(dat);
	return ret;
}

/* An inline plot speaks for itself: its figures stay for JSON. */
static void
hide_inline_fields(struct rnode *root)
{
	for (size_t i = 0; i < root->nkids; i++) {
		const char *k = root->kids[i]->key;
		if (strcmp(k, "plot") == 0 || strcmp(k, "output") == 0 ||
		    strcmp(k, "renderer") == 0)
			root->kids[i]->flags |= RF_TEXT_HIDE;
	}
}

/* Check where the plot goes, build it, draw it with gnuplot (or the
 * built-in renderer when gnuplot is missing), then save the script. */
static enum cmd_ret
cmd_plot_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r);
	const char *what = c->args[0], *to = call_get(c, "to");
	const char *script = call_get(c, "script");
	struct plot_target t = { PT_TEXT, 80, 24, false, NULL };
	enum plot_what w = PW_COUNT;
	struct plot_spec *p;
	struct strbuf out, warn;
	char msg[1100], *tmp = NULL, *text;
	enum gp_status st;
	enum cmd_ret ret = CMD_OK;

	for (int i = 0; i < PW_COUNT; i++)
		if (strcmp(what, what_names[i]) == 0)
			w = (enum plot_what)i;
	if (w == PW_COUNT)
		return cmd_error(s, "plot: unknown plot %s (loss, scores, lorenz, exposure, merit, longtail, tradeoff, hist COLUMN, stream NAME, trend COLUMN, propensity, debias, calibration NAME)",
		    what);
	if (choose_target(s, c, &t) != CMD_OK)
		return CMD_ERROR;

	rn_str(root, "plot", what);
	if ((p = build(s, c, w, root)) == NULL)
		return CMD_ERROR;
	if (p->nseries == 0) {
		plot_spec_free(p);
		return cmd_error(s, "plot %s: nothing to draw", what);
	}

	sb_init(&out);
	sb_init(&warn);
	if (t.term == PT_PNG || t.term == PT_SVG || t.term == PT_PDF) {
		if ((tmp = temp_beside_plot(to, msg, sizeof msg)) == NULL) {
			ret = cmd_error(s, "%s", msg);
			goto done;
		}
		t.output = tmp;
	}
	text = plot_script(p, &t, NULL);
	st = gp_run(text, &out, &warn, msg, sizeof msg);
	free(text);
	if (st == GP_MISSING) {
		/* the same plot in characters, and why */
		int tw = 80, th = 24;
		if (t.term == PT_TEXT) {
			tw = t.width;
			th = t.height;
		} else
			terminal_size(s->out, &tw, &th);
		out.len = 0;
		plot_text(p, tw, th, &out);
		tidy_text(&out);
		rn_str(root, "renderer", "built-in");
		if (t.term != PT_TEXT) {
			/* shown even though the command fails */
			if (!s->json) {
				fprintf(s->out, "%s\n", out.s);
				fflush(s->out);
			}
			ret = cmd_error(s, "plot: %s; nothing written (%s needs gnuplot), the text above is the built-in rendering",
			    msg, t.term == PT_SIXEL ? "term=sixel" : to);
			goto done;
		}
		note_lines(r, out.s);
		report_warn(r, "%s: drew the plot with the built-in text renderer", msg);
		rn_str(root, "output", "text");
	} else if (st != GP_OK) {
		ret = cmd_error(s, "plot %s: %s", what, msg);
		goto done;
	} else {
		rn_str(root, "renderer", "gnuplot");
		if (t.term == PT_TEXT) {
			tidy_text(&out);
			note_lines(r, out.s);
			rn_str(root, "output", "text");
		} else if (t.term == PT_SIXEL) {
			fflush(s->out);
			fwrite(out.s, 1, out.len, s->out);
			fputc('\n', s->out);
			fflush(s->out);
			rn_str(root, "output", "sixel");
		} else {
			struct stat sb;
			if (stat(tmp, &sb) != 0 || sb.st_size == 0) {
				ret = cmd_error(s, "plot: gnuplot wrote nothing to %s", to);
				goto done;
			}
			if (rename(tmp, to) != 0) {
				ret = cmd_error(s, "plot: cannot write %s: %s", to, strerror(errno));
				goto done;
			}
			free(tmp);
			tmp = NULL;
			rn_str(root, "output", to);
			rn_int(root, "bytes", (int64_t)sb.st_size);
		}
		if (warn.s != NULL && warn.len > 0) {
			tidy_text(&warn);
			for (char *q = warn.s; q != NULL && *q; ) {
				char *nl = strchr(q, '\n');
				report_warn(r, "%.*s", nl ? (int)(nl - q) : (int)strlen(q), q);
				q = nl ? nl + 1 : NULL;
			}
		}
	}
	if (script != NULL)
		ret = save_script(s, p, &t, to, script, root);
	if (t.term == PT_TEXT)
		hide_inline_fields(root);
done:
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	sb_free(&out);
	sb_free(&warn);
	plot_spec_free(p);
	return ret;
}

/* The i-th plot's name, for completion (NULL past the last). */
static const char *
plot_kind_word(int i)
{
	return i >= 0 && i < PW_COUNT ? what_names[i] : NULL;
}

/* Completion: what to plot, then the column of hist and trend. */
static const struct cmd_arg plot_pos[] = { { ARG_WORD, NULL, plot_kind_word },
	{ ARG_COLUMN, NULL, NULL }, { ARG_NONE, NULL, NULL } };

/* Completion: what these options' values name. */
static const struct cmd_opt_names plot_names[] = {
	{ "model", ARG_MODEL },
	{ NULL, ARG_NONE }
};

const struct cmd_entry cmd_plot_entry = {
	.name = "plot",
	.usage = "loss|scores|lorenz|exposure|merit|longtail|tradeoff|hist COLUMN|stream NAME|trend COLUMN|propensity|debias|calibration [NAME] "
	    "[model=A,B] [to=FILE.png|svg|pdf] [term=text|sixel] [script=FILE.gp]",
	.help = "draw a plot with gnuplot: on the terminal, as sixels, or into a file",
	.doc = "loss: training loss and validation per epoch (models trained epoch by "
	    "epoch, overlaid). scores: the distribution of predicted scores for the "
	    "held-out positives against the other unseen items, over up to 300 test "
	    "users. longtail: the cumulative share of interactions (training rows) and "
	    "of top-k recommendations held by the most popular items. hist COLUMN: a "
	    "histogram of any numeric column of the log, item or user table. propensity: the "
	    "histogram of the log's propensities over [0, 1] (propensity=COL). debias: per model "
	    "the observed block's truth and the naive, IPS and SNIPS estimates of debias check "
	    "(metric=ndcg@K or recall@K). lorenz, "
	    "exposure and merit audit each model's top-k lists as audit does (log "
	    "position weights): the Lorenz curve of creator exposure with the diagonal and "
	    "the Gini, exposure and training interactions by creator popularity decile, "
	    "exposure share against merit share with y = x and the five creators farthest "
	    "from it named. tradeoff: ndcg@k against the Gini as tradeoff sweeps a "
	    "re-ranker (method=, values=), with the model as it ranks. stream NAME: a "
	    "kept stream result's metric= per window, one line per update strategy. "
	    "trend COLUMN: the share of each window's events (window=, 1d) per value of "
	    "an item (or log) column, the 8 commonest apart, the rest as (other): how "
	    "the popularity of categories moves over time. calibration [NAME]: the "
	    "reliability diagram of probability models (lr, fm) on the test part: observed "
	    "rate against mean predicted probability in 10 equal-width bins (empty bins "
	    "left out), with the diagonal; calibrated probabilities once calibrate ran. On a "
	    "terminal the plot is drawn in characters by gnuplot's dumb terminal, sized "
	    "to the terminal (COLUMNS/LINES, else 80x24); term=sixel draws an image in "
	    "sixel terminals; to= writes a PNG, SVG or PDF file (through a temporary "
	    "file, renamed when complete). script=FILE.gp saves a gnuplot script and its "
	    "data (FILE.dat) to restyle the plot. One gnuplot runs per session, started "
	    "from PATH without a shell (set gnuplot=PATH picks another); text from the "
	    "data is passed as quoted strings gnuplot does not interpret. Without "
	    "gnuplot the plot is drawn by a built-in text renderer.",
	.args = ARG_WORD,
	.min_args = 1,
	.max_args = 2,
	.opt_names = plot_names,
	.pos = plot_pos,
	.opts = plot_opts,
	.fields = plot_fields,
	.exec = cmd_plot_exec,
};
