/* features: TF-IDF keywords and the item feature matrix (a pipeline step that keeps the data as it is). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "reelscope/util.h"
#include "reelscope/features.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const struct cmd_opt features_opts[] = {
	{ "text", OPT_STR, NULL, 0, -1, NULL,
	  "comma-separated item text columns (default: those present of caption, manual_cover_text, topic_tag, title, video_tag_name, genres, tags)" },
	{ "min_df", OPT_INT, NULL, 1, 1e9, "2", "keep terms found in at least this many items" },
	{ "max_df", OPT_NUM, NULL, 0, 1, "0.5", "... and in at most this share of the items with text" },
	{ "max_terms", OPT_INT, NULL, 0, 1e8, "0", "keep only the most frequent terms (0: no limit)" },
	{ "keywords", OPT_INT, NULL, 1, 100, "8", "top keywords shown per category" },
	{ "stopwords", OPT_BOOL, NULL, 0, -1, "yes", "drop English and Chinese stop words" },
	{ "category", OPT_STR, NULL, 0, -1, NULL,
	  "category column for the one-hot block and the keywords per category (default: first_level_category_name or category if present; none: no category)" },
	{ "duration", OPT_STR, NULL, 0, -1, NULL,
	  "duration column for the duration buckets (default: video_duration or duration if present; none: no buckets)" },
	{ "upload", OPT_STR, NULL, 0, -1, NULL,
	  "upload time column for the upload age (default: upload_dt or upload_time if present; none: no age)" },
	{ "tags", OPT_STR, NULL, 0, -1, NULL,
	  "list column (\"[3, 9]\") for a multi-hot tag block (default: feat if present; none: no tags)" },
	{ "onehot", OPT_STR, NULL, 0, -1, NULL,
	  "comma-separated categorical columns for one-hot blocks (default: video_type if present; none: no such blocks)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field features_fields[] = {
	{ "text", "the text columns read" },
	{ "items", "all (rows of the matrices), with_text (a token or more), with_terms (a kept term or more)" },
	{ "terms", "kept (the vocabulary), seen (before the cuts), rare (< min_df items), common (> max_df), max_terms (cut by it)" },
	{ "tokens", "tokens read" },
	{ "nonzeros", "tfidf (nonzero weights), per_item (per item with terms), matrix (nonzeros of the feature matrix)" },
	{ "columns", "columns of the item feature matrix: all, then per block" },
	{ "blocks", "per block of the matrix: name, column, first, count" },
	{ "weighting", "the TF-IDF variant" },
	{ "categories", "per category: category, items, top (term, weight), keywords (as text)" },
	{ "seconds", "wall time of the build" },
	{ "cpu_seconds", "CPU time of the build, all threads" },
	{ NULL, NULL }
};

static void
report_categories(struct rnode *root, const rs_features *f, uint32_t shown)
{
	struct rnode *arr = rn_flags(rn_label(rn_arr(root, "categories"),
	    "top keywords per category"), RF_TABLE);

	for (uint32_t c = 0; c < f->ncategories; c++) {
		struct rnode *row = rn_obj(arr, NULL), *top;
		struct strbuf sb;
		sb_init(&sb);
		rn_str(row, "category", f->categories[c]);
		rn_int(row, "items", f->category_items[c]);
		top = rn_flags(rn_arr(row, "top"), RF_TEXT_HIDE);
		for (uint32_t k = 0; k < f->keywords && k < shown; k++) {
			uint32_t t = f->category_kw[(size_t)c * f->keywords + k];
			struct rnode *o;
			if (t == RS_NONE)
				break;
			if (k > 0)
				sb_putc(&sb, ' ');
			sb_puts(&sb, f->terms[t]);
			o = rn_obj(top, NULL);
			rn_str(o, "term", f->terms[t]);
			rn_num(o, "weight", f->category_kw_weight[(size_t)c * f->keywords + k]);
		}
		sb_putc(&sb, '\0');
		rn_str(row, "keywords", sb.s);
		sb_free(&sb);
	}
}

/* The engine reads the options, builds the features and records the step
 * (rs_workspace_apply); this shows what they hold. */
static enum cmd_ret
cmd_features_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	struct rnode *root = report_root(r), *o, *arr;
	rs_step_op op;
	const rs_features *f;
	rs_error err;
	rs_hooks h = session_hooks(s, r);
	double t0, t1, c0, c1;
	uint32_t with_terms = 0;
	uint64_t nnz;
	int rc;

	if (session_data(s) == NULL)
		return CMD_ERROR;
	if (!call_step_op(s, c, &op))
		return CMD_ERROR;
	t0 = rs_clock_wall();
	c0 = rs_clock_cpu();
	rc = rs_workspace_apply(s->ws, &op, &h, NULL, &err);
	rs_step_op_free(&op);
	if (rc != 0)
		return cmd_error(s, "%s", err.msg);
	c1 = rs_clock_cpu();
	t1 = rs_clock_wall();
	f = rs_workspace_features(s->ws);
	for (uint32_t i = 0; i < f->nitems; i++)
		with_terms += f->tfidf.ptr[i + 1] > f->tfidf.ptr[i];
	nnz = rs_csr_nnz(&f->tfidf);

	rn_label(rn_str(root, "text", *f->text_cols ? f->text_cols : "none"),
	    "text columns");
	o = rn_flags(rn_obj(root, "items"), RF_INLINE);
	rn_int(o, "all", f->nitems);
	rn_label(rn_int(o, "with_text", f->items_with_text), "with text");
	rn_label(rn_int(o, "with_terms", with_terms), "with terms");
	o = rn_flags(rn_obj(root, "terms"), RF_INLINE);
	rn_int(o, "kept", f->nterms);
	rn_label(rn_int(o, "seen", f->vocab_seen), "of");
	rn_int(o, "rare", f->dropped_rare);
	rn_int(o, "common", f->dropped_common);
	if (f->max_terms > 0)
		rn_label(rn_int(o, "max_terms", f->dropped_max), "over max_terms");
	rn_int(root, "tokens", (int64_t)f->tokens);
	o = rn_flags(rn_obj(root, "nonzeros"), RF_INLINE);
	rn_int(o, "tfidf", (int64_t)nnz);
	rn_label(rn_prec(rn_num(o, "per_item", with_terms ?
	    (double)nnz / with_terms : 0), 3), "per item");
	rn_int(o, "matrix", (int64_t)rs_csr_nnz(&f->x));
	o = rn_label(rn_flags(rn_obj(root, "columns"), RF_INLINE),
	    "feature columns");
	rn_int(o, "all", f->ncols);
	arr = rn_flags(rn_arr(root, "blocks"), RF_TEXT_HIDE);
	for (size_t b = 0; b < f->nblocks; b++) {
		const rs_feature_block *bl = &f->blocks[b];
		struct rnode *row = rn_obj(arr, NULL);
		rn_int(o, bl->name, bl->count);
		rn_str(row, "name", bl->name);
		rn_str(row, "column", bl->column);
		rn_int(row, "first", bl->first);
		rn_int(row, "count", bl->count);
	}
	rn_str(root, "weighting",
	    "tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized");
	if (f->ncategories > 0)
		report_categories(root, f, f->keywords);
	rn_flags(rn_num(root, "seconds", t1 - t0), RF_TEXT_HIDE);
	rn_flags(rn_num(root, "cpu_seconds", c1 - c0), RF_TEXT_HIDE);
	return CMD_OK;
}

const struct cmd_entry cmd_features_entry = {
	.name = "features",
	.usage = "[text=COLS] [min_df=N] [max_df=SHARE] [max_terms=N] [category=COL] [onehot=COLS] ...",
	.help = "TF-IDF keywords of the items and the sparse item feature matrix",
	.doc = "Tokenizes the item text columns (UTF-8; Latin words lower-cased and split at "
	    "punctuation, digits-only tokens dropped; Chinese and Japanese as character "
	    "bigrams, a lone character as itself; hashtags such as #food kept whole; short "
	    "English and Chinese stop-word lists; KuaiRec's UNKNOWN placeholder skipped) "
	    "and keeps the terms found in at least min_df items and at most max_df of them. "
	    "Weights are sublinear tf times smooth idf: (1 + ln count) x (ln((1 + n) / "
	    "(1 + df)) + 1), n the items with text, each item's row scaled to unit length "
	    "(L2). The item feature matrix puts side by side the TF-IDF block, duration "
	    "buckets (<7s, 7-15s, 15-30s, 30-60s, 1-2min, 2-5min, >=5min; a column whose "
	    "median is over 1000 is read as milliseconds), the upload age (days before the "
	    "newest upload over the whole span, 0 to 1), the shooting angle from "
	    "video_width/video_height (portrait, landscape, square), one-hot category, "
	    "multi-hot tags and one-hot categoricals. Prints the vocabulary, the matrix and the "
	    "top keywords of each category (largest weights of the mean TF-IDF row). A "
	    "pipeline step: the data stays as it is, undo and replay rebuild the features; "
	    "profile, and models that read content, use them.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = features_opts,
	.fields = features_fields,
	.exec = cmd_features_exec,
};
