/* Plots: a plot described once as series of points, drawn by gnuplot through a pipe or by the built-in text renderer. */
#ifndef RS_PLOT_H
#define RS_PLOT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "reelscope/bias.h"
#include "reelscope/error.h"
#include "util/text.h"

/* How a series is drawn. */
enum plot_style {
	PS_LINES,
	PS_POINTS,
	PS_LINESPOINTS,
	PS_BOXES,	/* bars centred on x, of the spec's box width */
	PS_STEPS,	/* a histogram outline: level across each bin */
	PS_REFERENCE	/* a thin dashed guide (the diagonal, y = x) */
};

/* One curve: n points, owned by the spec it belongs to. */
struct plot_series {
	char *title;		/* from data: escaped when written out */
	enum plot_style style;
	int axis;		/* 1: left y axis, 2: right y axis */
	size_t n;
	double *x, *y;		/* NaN y: a gap */
};

/* A text placed at a point (a creator's name beside its dot). */
struct plot_label {
	char *text;		/* from data: escaped when written out */
	double x, y;
};

/* A whole plot. Every string may come from data; writers escape them. */
struct plot_spec {
	char *title, *xlabel, *ylabel, *y2label;
	double xmin, xmax, ymin, ymax;	/* NaN: automatic */
	double boxwidth;	/* PS_BOXES: bar width in x units (0: auto) */
	struct plot_series *series;
	size_t nseries;
	struct plot_label *labels;	/* on the left y axis */
	size_t nlabels;
};

struct plot_spec *plot_spec_new(const char *title, const char *xlabel,
    const char *ylabel);
void plot_spec_free(struct plot_spec *p);
/* Add a series of n points (copied); returns it. */
struct plot_series *plot_add(struct plot_spec *p, const char *title,
    enum plot_style style, const double *x, const double *y, size_t n);

/* Add a label (text copied). */
void plot_label_add(struct plot_spec *p, const char *text, double x, double y);

/* ---- escaping (escape.c) ---- */

/* Append s to sb as a gnuplot double-quoted string that gnuplot takes
 * literally: " \ ` @ $ as octal escapes (no command substitution, no
 * macros), control characters (newlines included) as spaces, at most max
 * bytes of text kept (cut at a UTF-8 boundary). */
void gp_quote(struct strbuf *sb, const char *s, size_t max);
/* The same for a text meant for a comment or data file line: control
 * characters become spaces, nothing else changes. */
void gp_comment(struct strbuf *sb, const char *s, size_t max);

/* ---- gnuplot scripts (script.c) ---- */

/* What the script draws on. */
enum plot_term {
	PT_TEXT,	/* dumb terminal, characters */
	PT_SIXEL,	/* sixelgd on the output stream */
	PT_PNG,
	PT_SVG,
	PT_PDF,
	PT_NONE		/* no terminal line (a saved script) */
};

struct plot_target {
	enum plot_term term;
	int width, height;	/* characters (text) or pixels */
	bool color;		/* text: ANSI colours */
	const char *output;	/* file for PNG/SVG/PDF (already checked) */
};

/* The script that draws p on t. With datafile NULL the data goes inline
 * as data blocks; else the script reads blocks of that file by index,
 * found next to the script itself. */
char *plot_script(const struct plot_spec *p, const struct plot_target *t,
    const char *datafile);
/* The data of p as one text file: one block per series, two blank lines
 * between blocks (gnuplot's "index"). */
char *plot_data_text(const struct plot_spec *p);

/* ---- the gnuplot process (gnuplot.c) ---- */

/* Use this program for gnuplot (NULL: "gnuplot" on PATH); the running one
 * is stopped. */
void gp_set_program(const char *path);
/* The program as set ("gnuplot" by default). */
const char *gp_program(void);
/* Seconds a plot may take before gnuplot is taken for hung and killed
 * (a script with much data into a PDF can take long; a test wants a
 * short wait); 0 or less: the default. */
#define GP_TIMEOUT_DEFAULT 60
void gp_set_timeout(int seconds);
int gp_timeout(void);
/* A flag that, once nonzero, makes a running plot give up (the Ctrl-C
 * handler's; set once at startup). */
void gp_set_interrupt(const volatile sig_atomic_t *flag);

enum gp_status { GP_OK, GP_MISSING, GP_FAILED };

/* Run a script in the session's gnuplot, starting it (or starting it again
 * when it died). What gnuplot writes on its standard output until the end
 * of the script goes to out; its warnings, one per line, to warn (may be
 * NULL). GP_MISSING: no such program; GP_FAILED: gnuplot reported an error
 * or stopped (msg says which). */
enum gp_status gp_run(const char *script, struct strbuf *out,
    struct strbuf *warn, char *msg, size_t msgsize);
/* The process id of the running gnuplot, or -1. */
long gp_pid(void);
/* Stop gnuplot (at exit). */
void gp_stop(void);

/* ---- the built-in text renderer (text.c) ---- */

/* Draw p into a width x height block of characters (lines end with '\n'). */
void plot_text(const struct plot_spec *p, int width, int height,
    struct strbuf *out);

/* ---- plots from the workspace (build.c) ---- */

struct rnode;
struct rs_model;
struct rs_dataset;

/* Each builds the plot of the given models (or column) of the data ds and
 * puts its figures under root; NULL when the data cannot give it, with the
 * reason in *error, for the plot command to print. hooks carry the
 * progress of the audits and re-rankings. */
struct plot_spec *plot_build_loss(struct rs_model **ms, size_t n,
    struct rnode *root, rs_error *error);
struct plot_spec *plot_build_scores(struct rs_dataset *ds, struct rs_model **ms,
    size_t n, struct rnode *root, rs_error *error);
struct plot_spec *plot_build_longtail(struct rs_dataset *ds,
    struct rs_model **ms, size_t n, size_t k, struct rnode *root,
    rs_error *error);
/* From creator exposure audits (fairplot.c): lorenz, exposure by
 * popularity decile, merit; k is the list length audited. */
struct plot_spec *plot_build_lorenz(struct rs_dataset *ds, const rs_hooks *hooks,
    struct rs_model **ms, size_t n, size_t k, struct rnode *root,
    rs_error *error);
struct plot_spec *plot_build_exposure(struct rs_dataset *ds,
    const rs_hooks *hooks, struct rs_model **ms, size_t n, size_t k,
    struct rnode *root, rs_error *error);
struct plot_spec *plot_build_merit(struct rs_dataset *ds, const rs_hooks *hooks,
    struct rs_model **ms, size_t n, size_t k, struct rnode *root,
    rs_error *error);
/* tradeoff: each model re-ranked by method for every value of its swept
 * parameter (values: FROM:TO:STEP or a list; NULL: the tradeoff command's
 * default), ndcg@k against the Gini. */
struct plot_spec *plot_build_tradeoff(struct rs_dataset *ds,
    const rs_hooks *hooks, struct rs_model **ms, size_t n, const char *method,
    const char *values, size_t k, size_t candidates, struct rnode *root,
    rs_error *error);
/* hist: values within [lo, hi] only (NaN: no limit). */
struct plot_spec *plot_build_hist(struct rs_dataset *ds, const char *column,
    int bins, double lo, double hi, struct rnode *root, rs_error *error);
/* Whether every model of ms was trained on data of ds's shape; when one
 * was not, false with the reason (for cmd) in *error. */
bool plot_models_fit(const struct rs_dataset *ds, struct rs_model **ms,
    size_t n, const char *cmd, rs_error *error);

/* From time (streamplot.c): a stream result's metric (recall@K, ndcg@K,
 * hit@K, coverage, new_items, update_us; NULL: ndcg) per window and
 * strategy; the share of each window's events per value of a column. */
struct rs_stream_result;
struct rs_dataset;
/* biasplot.c: per model the truth and the naive, IPS and SNIPS estimates
 * of a debias check (its figures under root). */
struct plot_spec *plot_build_debias(const rs_debias_result *res,
    struct rnode *root);
struct plot_spec *plot_build_stream(const struct rs_stream_result *r,
    const char *metric, struct rnode *root, rs_error *error);
struct plot_spec *plot_build_trend(const struct rs_dataset *ds,
    const char *column, const char *window, struct rnode *root,
    rs_error *error);
/* calibration: the reliability diagram of probability models (ctrplot.c) */
struct plot_spec *plot_build_calibration(const struct rs_dataset *ds,
    struct rs_model **ms, size_t n, struct rnode *root, rs_error *error);

#endif
