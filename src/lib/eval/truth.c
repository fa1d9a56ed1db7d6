/* Preparing an evaluation protocol: held-out truth per user, items seen in training, popularity, categories. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/eval.h"
#include "reelscope/split.h"
#include "eval/eval-int.h"
#include "util/strtab.h"
#include "util/xmalloc.h"

void
rs_eval_opts_init(rs_eval_opts *o)
{
	memset(o, 0, sizeof *o);
	o->ks[0] = 10;
	o->nks = 1;
	o->part = RS_TEST;
	o->seed = 1;
	o->relevant_min = NAN;
	o->effective = 2.0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

const char *
rs_eval_parse_ks(rs_eval_opts *o, const char *list)
{
	static char msg[160];
	uint32_t ks[RS_EVAL_MAX_K];
	size_t n = 0;
	const char *p = list;

	for (;;) {
		char *end;
		long v;
		if (*p < '0' || *p > '9') {
			snprintf(msg, sizeof msg, "k=%s: expected whole numbers separated by commas, e.g. k=10,20", list);
			return msg;
		}
		v = strtol(p, &end, 10);
		if (v <= 0 || v > 100000) {
			snprintf(msg, sizeof msg, "k=%s: each cutoff must be from 1 to 100000", list);
			return msg;
		}
		if (n == RS_EVAL_MAX_K) {
			snprintf(msg, sizeof msg, "k=%s: at most %d cutoffs", list, RS_EVAL_MAX_K);
			return msg;
		}
		ks[n++] = (uint32_t)v;
		if (*end == '\0')
			break;
		if (*end != ',') {
			snprintf(msg, sizeof msg, "k=%s: expected whole numbers separated by commas, e.g. k=10,20", list);
			return msg;
		}
		p = end + 1;
	}
	qsort(ks, n, sizeof *ks, cmp_u32);
	o->nks = 0;
	for (size_t i = 0; i < n; i++)
		if (o->nks == 0 || o->ks[o->nks - 1] != ks[i])
			o->ks[o->nks++] = ks[i];
	return NULL;
}

static void
note(rs_eval_ctx *c, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c->notes = xreallocarray(c->notes, c->nnotes + 1, sizeof *c->notes);
	c->notes[c->nnotes++] = xstrdup(buf);
}

size_t
rs_eval_ctx_notes(const rs_eval_ctx *c, const char *const **lines)
{
	*lines = (const char *const *)c->notes;
	return c->nnotes;
}

void
rs_eval_ctx_free(rs_eval_ctx *c)
{
	if (c == NULL)
		return;
	free(c->relevant);
	free(c->signal);
	free(c->diversity);
	free(c->watch);
	free(c->dwell);
	free(c->like);
	free(c->sptr);
	free(c->sidx);
	free(c->users);
	free(c->tptr);
	free(c->titem);
	free(c->trel);
	free(c->tseen);
	free(c->tval);
	free(c->twatch);
	free(c->tdwell);
	free(c->tlike);
	free(c->pop);
	free(c->cptr);
	free(c->ctok);
	free(c->cat_col);
	free(c->relevance_text);
	for (size_t i = 0; i < c->nnotes; i++)
		free(c->notes[i]);
	free(c->notes);
	free(c);
}

/* A numeric column of the held-out log: NULL when absent (an error when
 * the user named it: *bad set). */
static const rs_column *
heldout_column(const rs_log *log, const char *name, const char *what,
    bool named, bool *bad, rs_error *err)
{
	int j;

	if (name == NULL)
		return NULL;
	j = rs_table_find(&log->cols, name);
	if (j < 0) {
		if (named) {
			rs_error_set(err, RS_EINVAL, "%s=%s: the held-out rows have no such column",
			    what, name);
			*bad = true;
		}
		return NULL;
	}
	if (log->cols.cols[j]->kind == RS_COL_TEXT) {
		if (named) {
			rs_error_set(err, RS_EINVAL, "%s=%s is a text column, not a number", what,
			    name);
			*bad = true;
		}
		return NULL;
	}
	return log->cols.cols[j];
}

/* Whether every user's rows are together, in ascending user order. */
static bool
grouped_by_user(const rs_log *log)
{
	for (size_t r = 1; r < log->n; r++)
		if (log->user[r] < log->user[r - 1])
			return false;
	return true;
}

/* Training rows per user, each item once; popularity = training rows per item. */
static void
build_seen(rs_eval_ctx *c)
{
	const rs_log *log = &c->ds->log;
	uint32_t *stamp = xcalloc(c->nitems ? c->nitems : 1, sizeof *stamp);
	uint64_t *cnt = xcalloc((size_t)c->nusers + 1, sizeof *cnt);
	uint32_t *rows;
	uint64_t *fill;

	c->pop = xcalloc(c->nitems ? c->nitems : 1, sizeof *c->pop);
	if (grouped_by_user(log)) {
		/* one pass: a user's rows are together (most logs are) */
		uint64_t o = 0;
		uint32_t next = 0;	/* users before next have their start */
		rows = xmalloc((log->n ? log->n : 1) * sizeof *rows);
		c->sptr = xcalloc((size_t)c->nusers + 1, sizeof *c->sptr);
		for (size_t r = 0; r < log->n; r++) {
			uint32_t u = log->user[r], it = log->item[r];
			if ((log->part != NULL && log->part[r] != RS_TRAIN) ||
			    u >= c->nusers || it >= c->nitems)
				continue;
			while (next <= u)
				c->sptr[next++] = o;
			c->pop[it] += 1;
			if (stamp[it] != u + 1) {
				stamp[it] = u + 1;
				rows[o++] = it;
			}
		}
		while (next <= c->nusers)
			c->sptr[next++] = o;
		c->sidx = xreallocarray(rows, o ? o : 1, sizeof *rows);
		goto totals;
	}
	for (size_t r = 0; r < log->n; r++) {
		if (log->part != NULL && log->part[r] != RS_TRAIN)
			continue;
		if (log->user[r] >= c->nusers || log->item[r] >= c->nitems)
			continue;
		cnt[log->user[r] + 1]++;
		c->pop[log->item[r]] += 1;
	}
	for (uint32_t u = 0; u < c->nusers; u++)
		cnt[u + 1] += cnt[u];
	rows = xmalloc((cnt[c->nusers] ? cnt[c->nusers] : 1) * sizeof *rows);
	fill = xmalloc(((size_t)c->nusers + 1) * sizeof *fill);
	memcpy(fill, cnt, ((size_t)c->nusers + 1) * sizeof *fill);
	for (size_t r = 0; r < log->n; r++) {
		if (log->part != NULL && log->part[r] != RS_TRAIN)
			continue;
		if (log->user[r] >= c->nusers || log->item[r] >= c->nitems)
			continue;
		rows[fill[log->user[r]]++] = log->item[r];
	}
	/* deduplicate in place with a stamp per item */
	c->sptr = xcalloc((size_t)c->nusers + 1, sizeof *c->sptr);
	{
		uint64_t o = 0;
		for (uint32_t u = 0; u < c->nusers; u++) {
			c->sptr[u] = o;
			for (uint64_t q = cnt[u]; q < cnt[u + 1]; q++)
				if (stamp[rows[q]] != u + 1) {
					stamp[rows[q]] = u + 1;
					rows[o++] = rows[q];
				}
		}
		c->sptr[c->nusers] = o;
		c->sidx = xreallocarray(rows, o ? o : 1, sizeof *rows);
	}
	free(fill);
totals:
	c->popsum = 0;
	c->trained_items = 0;
	for (uint32_t i = 0; i < c->nitems; i++) {
		c->popsum += c->pop[i];
		c->trained_items += c->pop[i] > 0;
	}
	free(cnt);
	free(stamp);
}

rs_eval_ctx *
eval_prepare_log(const rs_dataset *ds, const rs_eval_opts *o,
    const uint32_t *users, uint32_t n)
{
	rs_eval_ctx *c = xcalloc(1, sizeof *c);

	c->ds = ds;
	c->o = *o;
	c->o.relevant = c->o.signal = c->o.diversity = NULL;
	c->o.watch = c->o.dwell = c->o.like = NULL;
	c->nusers = rs_ids_count(ds->users);
	c->nitems = rs_ids_count(ds->items);
	c->from_log = true;
	build_seen(c);
	c->neval = n;
	c->users = xmalloc((n ? n : 1) * sizeof *c->users);
	if (n > 0)
		memcpy(c->users, users, n * sizeof *users);
	c->tptr = xcalloc((size_t)n + 1, sizeof *c->tptr);
	c->relevance_text = xstrdup("none (no held-out part)");
	c->item_creator = ds->item_creator;
	c->ncreators = ds->creators != NULL ? rs_ids_count(ds->creators) : 0;
	return c;
}

/* Whether a held-out row is relevant under the protocol. */
static bool
row_relevant(const rs_eval_ctx *c, const rs_column *rc, size_t r)
{
	double v;

	if (rc == NULL)
		return true;
	v = rs_column_get(rc, r);
	if (isnan(v))
		return false;
	return c->o.relevant_strict ? v > c->o.relevant_min : v >= c->o.relevant_min;
}


/* Whether user u has no training row (build_seen has run). */
static bool
user_cold(const rs_eval_ctx *c, uint32_t u)
{
	return c->sptr[u + 1] == c->sptr[u];
}

/* Whether cold= keeps user u. */
static bool
cold_kept(const rs_eval_ctx *c, uint32_t u)
{
	return c->o.cold == RS_COLD_INCLUDE ||
	    user_cold(c, u) == (c->o.cold == RS_COLD_ONLY);
}

/* The users with held-out rows of the protocol, and the cold ones among
 * them, before cold= chooses. */
static void
count_cold(rs_eval_ctx *c, const rs_log *tl, bool all)
{
	uint8_t *seen = xcalloc((size_t)c->nusers + 1, 1);

	for (size_t r = 0; r < tl->n; r++) {
		uint32_t u = tl->user[r];
		if (!all && (tl->part == NULL || tl->part[r] != c->o.part))
			continue;
		if (u >= c->nusers || tl->item[r] >= c->nitems || seen[u])
			continue;
		seen[u] = 1;
		c->heldout_users++;
		c->cold_users += user_cold(c, u);
	}
	free(seen);
}

/* What cold= did, and a warning when cold users weigh on the figures. */
static void
cold_notes(rs_eval_ctx *c)
{
	const char *part = c->o.part == RS_VALID ? "validation" : "test";
	double share = c->heldout_users ? (double)c->cold_users / c->heldout_users : 0;

	if (c->o.cold == RS_COLD_INCLUDE && share > RS_COLD_WARN_SHARE && c->o.cold_given)
		note(c, "cold=include: %u of %u %s users (%.0f%%) have no training row, kept as asked",
		    c->cold_users, c->heldout_users, part, 100 * share);
	else if (c->o.cold == RS_COLD_INCLUDE && share > RS_COLD_WARN_SHARE)
		note(c, "warning: %u of %u %s users (%.0f%%) have no training row: every model ranks them "
		    "by popularity, which flatters pop (cold=exclude or cold=only evaluates them apart)",
		    c->cold_users, c->heldout_users, part, 100 * share);
	else if (c->o.cold == RS_COLD_EXCLUDE)
		note(c, "cold=exclude: %u %s user%s without a training row left out, %u evaluated",
		    c->cold_users, part, c->cold_users == 1 ? "" : "s",
		    c->heldout_users - c->cold_users);
	else if (c->o.cold == RS_COLD_ONLY)
		note(c, "cold=only: the %u %s user%s without a training row, scored by popularity fallbacks",
		    c->cold_users, part, c->cold_users == 1 ? "" : "s");
}

/* Whether some user is left to evaluate; else err says why (cold= may
 * have left out every one). */
static bool
users_left(const rs_eval_ctx *c, rs_error *err)
{
	const char *part = c->o.part == RS_VALID ? "validation" : "test";

	if (c->neval > 0)
		return true;
	if (c->heldout_users > 0 && c->o.cold == RS_COLD_ONLY)
		rs_error_set(err, RS_ESTATE, "cold=only: no %s user lacks training rows", part);
	else if (c->heldout_users > 0 && c->o.cold == RS_COLD_EXCLUDE)
		rs_error_set(err, RS_ESTATE,
		    "cold=exclude: every %s user (%u) lacks training rows, so none is left to evaluate (cold=only evaluates them)",
		    part, c->heldout_users);
	else
		rs_error_set(err, RS_ESTATE, "no %s rows to evaluate on%s", part,
		    c->o.part == RS_VALID ? " (split ... valid=0.1 keeps a validation part)" : "");
	return false;
}

/* Held-out rows of the protocol grouped by user, repeated pairs merged. */
static void
build_truth(rs_eval_ctx *c, const rs_log *tl, bool all, const rs_column *rc,
    const rs_column *vc, const rs_column *wc, const rs_column *dc,
    const rs_column *lc)
{
	uint64_t *cnt = xcalloc((size_t)c->nusers + 1, sizeof *cnt);
	uint32_t *rows, *stamp, *pos;
	uint64_t *fill, o = 0;
	size_t nrows;
	uint32_t ne = 0;

	for (size_t r = 0; r < tl->n; r++) {
		if (!all && (tl->part == NULL || tl->part[r] != c->o.part))
			continue;
		if (tl->user[r] >= c->nusers || tl->item[r] >= c->nitems ||
		    !cold_kept(c, tl->user[r]))
			continue;
		cnt[tl->user[r] + 1]++;
	}
	for (uint32_t u = 0; u < c->nusers; u++) {
		ne += cnt[u + 1] > 0;
		cnt[u + 1] += cnt[u];
	}
	nrows = cnt[c->nusers];
	rows = xmalloc((nrows ? nrows : 1) * sizeof *rows);
	fill = xmalloc(((size_t)c->nusers + 1) * sizeof *fill);
	memcpy(fill, cnt, ((size_t)c->nusers + 1) * sizeof *fill);
	for (size_t r = 0; r < tl->n; r++) {
		if (!all && (tl->part == NULL || tl->part[r] != c->o.part))
			continue;
		if (tl->user[r] >= c->nusers || tl->item[r] >= c->nitems ||
		    !cold_kept(c, tl->user[r]))
			continue;
		rows[fill[tl->user[r]]++] = (uint32_t)r;
	}
	c->neval = ne;
	c->users = xmalloc((ne ? ne : 1) * sizeof *c->users);
	c->tptr = xmalloc(((size_t)ne + 1) * sizeof *c->tptr);
	c->titem = xmalloc((nrows ? nrows : 1) * sizeof *c->titem);
	c->trel = xmalloc(nrows ? nrows : 1);
	c->tseen = xmalloc(nrows ? nrows : 1);
	if (vc != NULL)
		c->tval = xmalloc((nrows ? nrows : 1) * sizeof *c->tval);
	if (wc != NULL)
		c->twatch = xmalloc((nrows ? nrows : 1) * sizeof *c->twatch);
	if (dc != NULL)
		c->tdwell = xmalloc((nrows ? nrows : 1) * sizeof *c->tdwell);
	if (lc != NULL)
		c->tlike = xmalloc((nrows ? nrows : 1) * sizeof *c->tlike);
	stamp = xcalloc(c->nitems ? c->nitems : 1, sizeof *stamp);
	pos = xmalloc((c->nitems ? c->nitems : 1) * sizeof *pos);
	ne = 0;
	for (uint32_t u = 0; u < c->nusers; u++) {
		if (cnt[u + 1] == cnt[u])
			continue;
		/* the user's training items get stamp 2u+1; held-out ones 2u+2 */
		for (uint64_t q = c->sptr[u]; q < c->sptr[u + 1]; q++)
			stamp[c->sidx[q]] = 2 * u + 1;
		c->users[ne] = u;
		c->tptr[ne] = o;
		for (uint64_t q = cnt[u]; q < cnt[u + 1]; q++) {
			size_t r = rows[q];
			uint32_t it = tl->item[r];
			uint64_t at;
			if (stamp[it] == 2 * u + 2)
				at = pos[it];	/* repeated pair: the last row wins */
			else {
				c->tseen[o] = stamp[it] == 2 * u + 1;
				stamp[it] = 2 * u + 2;
				pos[it] = (uint32_t)(o - c->tptr[ne]);
				at = o - c->tptr[ne];
				c->titem[o++] = it;
			}
			at += c->tptr[ne];
			c->trel[at] = row_relevant(c, rc, r) && !c->tseen[at];
			if (vc != NULL)
				c->tval[at] = rs_column_get(vc, r);
			if (wc != NULL)
				c->twatch[at] = rs_column_get(wc, r);
			if (dc != NULL)
				c->tdwell[at] = rs_column_get(dc, r);
			if (lc != NULL)
				c->tlike[at] = rs_column_get(lc, r);
		}
		ne++;
	}
	c->tptr[ne] = o;
	c->seen_pairs = 0;
	c->relevant_pairs = 0;
	for (uint64_t q = 0; q < o; q++) {
		c->seen_pairs += c->tseen[q];
		c->relevant_pairs += c->trel[q];
	}
	free(pos);
	free(stamp);
	free(fill);
	free(rows);
	free(cnt);
}

/* Tokens of a category value: "A|B" (split at bars), a list "[3, 7]" or
 * "['a', 'b']" or "a, b" (split at commas), or one value; each trimmed of
 * spaces, brackets and quotes. Only those separators split, so that a name
 * such as "Children's", "Film-Noir" or "Sci Fi" stays one category. */
static size_t
tokenize(const char *s, struct rs_strtab *tab, uint32_t *out, size_t max)
{
	static const char trim[] = " \t[](){}\"'";
	const char *sep = strchr(s, '|') != NULL ? "|" :
	    strpbrk(s, "[,") != NULL ? "," : "";
	size_t n = 0;

	for (;;) {
		size_t len = *sep ? strcspn(s, sep) : strlen(s);
		const char *a = s, *b = s + len;
		while (a < b && strchr(trim, *a) != NULL)
			a++;
		while (b > a && strchr(trim, b[-1]) != NULL)
			b--;
		if (b > a && n < max)
			out[n++] = util_strtab_intern(tab, a, (size_t)(b - a), NULL);
		if (s[len] == '\0')
			return n;
		s += len + 1;
	}
}

/* The category sets of items for diversity, from the first usable column. */
static int
build_categories(rs_eval_ctx *c, rs_error *err)
{
	static const char *const autos[] = { "feat", "genres",
		"first_level_category_id", "video_tag_id", "category", "genre", NULL };
	const rs_table *t = &c->ds->item_tbl;
	const rs_column *col = NULL;
	struct rs_strtab *tab;
	uint32_t tok[64];
	size_t cap = 1024, n = 0;

	if (c->diversity != NULL) {
		int j = rs_table_find(t, c->diversity);
		if (j < 0) {
			rs_error_set(err, RS_EINVAL, "diversity=%s: the item table has no such column",
			    c->diversity);
			return -1;
		}
		col = t->cols[j];
	} else
		for (int a = 0; autos[a] != NULL && col == NULL; a++) {
			int j = rs_table_find(t, autos[a]);
			if (j >= 0 && t->cols[j]->nmissing < t->cols[j]->n)
				col = t->cols[j];
		}
	if (col == NULL)
		return 0;
	c->cat_col = xstrdup(col->name);
	tab = util_strtab_new();
	c->cptr = xcalloc((size_t)c->nitems + 1, sizeof *c->cptr);
	c->ctok = xmalloc(cap * sizeof *c->ctok);
	for (uint32_t i = 0; i < c->nitems; i++) {
		size_t m = 0;
		c->cptr[i] = n;
		if (i < col->n && !rs_column_is_missing(col, i)) {
			if (col->kind == RS_COL_TEXT)
				m = tokenize(rs_column_text(col, i), tab, tok, 64);
			else {
				char buf[48];
				snprintf(buf, sizeof buf, "%.17g", rs_column_get(col, i));
				tok[0] = util_strtab_intern(tab, buf, strlen(buf), NULL);
				m = 1;
			}
		}
		qsort(tok, m, sizeof *tok, cmp_u32);
		if (n + m > cap) {
			cap = (n + m) * 2;
			c->ctok = xreallocarray(c->ctok, cap, sizeof *c->ctok);
		}
		for (size_t j = 0; j < m; j++)
			if (j == 0 || tok[j] != tok[j - 1])
				c->ctok[n++] = tok[j];
	}
	c->cptr[c->nitems] = n;
	util_strtab_free(tab);
	return 0;
}

rs_eval_ctx *
rs_eval_prepare(const rs_dataset *ds, const rs_eval_opts *o, rs_error *err)
{
	rs_eval_ctx *c;
	const rs_log *tl = NULL;
	const rs_column *rc = NULL, *vc = NULL, *wc, *dc, *lc;
	bool all = false, bad = false;
	char buf[256];

	if (ds == NULL || ds->split_kind == RS_SPLIT_NONE) {
		rs_error_set(err, RS_ESTATE,
		    "no split yet: run split first (e.g. split user test=0.2 valid=0.1)");
		return NULL;
	}
	if (o->nks == 0) {
		rs_error_set(err, RS_EINVAL, "no cutoff: give k=10 or k=10,20");
		return NULL;
	}
	for (size_t i = 0; i < o->nks; i++)
		if (o->ks[i] == 0 || (i > 0 && o->ks[i] <= o->ks[i - 1])) {
			rs_error_set(err, RS_EINVAL, "cutoffs must be positive and ascending");
			return NULL;
		}
	if (!(o->effective > 0) || !isfinite(o->effective)) {
		rs_error_set(err, RS_EINVAL, "the effective-view threshold must be a positive number");
		return NULL;
	}
	if (o->part == RS_VALID) {
		if (ds->heldout_valid != NULL) {
			tl = ds->heldout_valid;
			all = true;
		} else {
			tl = &ds->log;	/* rows with part RS_VALID */
			all = false;
		}
	} else if (o->part == RS_TEST) {
		if (!rs_split_test(ds, &tl, &all) || tl == NULL) {
			rs_error_set(err, RS_ESTATE, "the split has no test rows");
			return NULL;
		}
	} else {
		rs_error_set(err, RS_EINVAL, "evaluation reads the test or the validation part");
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->ds = ds;
	c->o = *o;
	c->nusers = rs_ids_count(ds->users);
	c->nitems = rs_ids_count(ds->items);
	c->observed = o->part == RS_TEST && ds->split_kind == RS_SPLIT_OBSERVED;
#define DUP(f) (c->f = o->f ? xstrdup(o->f) : NULL, c->o.f = c->f)
	DUP(relevant);
	DUP(signal);
	DUP(diversity);
	DUP(watch);
	DUP(dwell);
	DUP(like);
#undef DUP
	c->o.hooks = o->hooks;
	/* the columns of the held-out rows */
	if (c->relevant != NULL) {
		if (isnan(o->relevant_min)) {
			rs_error_set(err, RS_EINVAL, "relevant=%s needs a threshold, e.g. relevant=%s>=2",
			    c->relevant, c->relevant);
			goto fail;
		}
		rc = heldout_column(tl, c->relevant, "relevant", true, &bad, err);
	} else if (c->observed && tl->value_col >= 0) {
		/* every pair of a fully observed block is a held-out row */
		rc = tl->cols.cols[tl->value_col];
		c->o.relevant_min = o->effective;
		c->o.relevant_strict = false;
	}
	if (c->signal != NULL)
		vc = heldout_column(tl, c->signal, "signal", true, &bad, err);
	else if (tl->value_col >= 0)
		vc = tl->cols.cols[tl->value_col];
	wc = heldout_column(tl, c->watch ? c->watch : "watch_ratio", "watch", c->watch != NULL,
	    &bad, err);
	dc = heldout_column(tl, c->dwell ? c->dwell : "play_duration", "dwell", c->dwell != NULL,
	    &bad, err);
	lc = heldout_column(tl, c->like ? c->like : "is_like", "like", c->like != NULL,
	    &bad, err);
	if (bad)
		goto fail;
	if (vc != NULL && vc->kind == RS_COL_TEXT)
		vc = NULL;
	if (rc != NULL) {
		snprintf(buf, sizeof buf, "%s %s %g", rc->name,
		    c->o.relevant_strict ? ">" : ">=", c->o.relevant_min);
		c->relevance_text = xstrdup(buf);
		if (c->relevant == NULL)
			note(c, "relevance: %s (every pair of the fully observed block is held out; relevant=COL>=T changes it)",
			    buf);
	} else
		c->relevance_text = xstrdup("every held-out row");
	if (c->observed && rc == NULL)
		note(c, "warning: the observed block has no value column: every pair counts as relevant");
	c->biased = !c->observed && wc != NULL;
	if (o->cold < RS_COLD_INCLUDE || o->cold > RS_COLD_ONLY) {
		rs_error_set(err, RS_EINVAL, "cold must be include, exclude or only");
		goto fail;
	}
	build_seen(c);
	count_cold(c, tl, all);
	build_truth(c, tl, all, rc, vc, wc, dc, lc);
	if (!users_left(c, err))
		goto fail;
	cold_notes(c);
	if (c->seen_pairs > 0)
		note(c, "%zu held-out pair%s the user also has in training: not ranked (seen items are left out), so not counted as relevant",
		    c->seen_pairs, c->seen_pairs == 1 ? "" : "s");
	if (build_categories(c, err) != 0)
		goto fail;
	c->item_creator = ds->item_creator;
	c->ncreators = ds->creators != NULL ? rs_ids_count(ds->creators) : 0;
	return c;
fail:
	rs_eval_ctx_free(c);
	return NULL;
}
