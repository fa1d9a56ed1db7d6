/* lr and fm's inputs: the label of a log row, its hashed one-hot features (built-ins, columns, crosses), the checks that refuse a leaking or useless setup. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/ctr-int.h"
#include "util/random.h"
#include "util/text.h"
#include "util/xmalloc.h"

enum field_kind { F_USER, F_ITEM, F_CREATOR, F_CATEGORY, F_DURATION, F_HOUR, F_COLUMN };

static const char *const builtin_names[] = {
	"user", "item", "creator", "category", "duration", "hour", NULL
};

/* Item columns the category feature reads, the first one found. */
static const char *const category_columns[] = {
	"first_level_category_id", "category", "genre", "video_tag_id", "feat", NULL
};

/* One resolved feature: what it reads and where. */
struct field {
	enum field_kind kind;
	const rs_column *col;	/* category, duration, hour, column */
	char where;		/* 'l' (the row), 'i' (its item), 'u' (its user) */
	char name[64];
	uint64_t h;		/* hash of the name */
};

/* A feature of the row: one field, or a cross of two (b >= 0). */
struct slot {
	int a, b;
};

struct feats {
	struct field f[CTR_MAX_SLOTS];
	size_t nf;
	struct slot s[CTR_MAX_SLOTS];
	size_t ns;
};

/* A column named name: the log's, then the items', then the users'. */
static const rs_column *
find_column(const rs_dataset *ds, const rs_log *log, const char *name, char *where)
{
	int c;

	if ((c = rs_table_find(&log->cols, name)) >= 0) {
		*where = 'l';
		return log->cols.cols[c];
	}
	if ((c = rs_table_find(&ds->item_tbl, name)) >= 0) {
		*where = 'i';
		return ds->item_tbl.cols[c];
	}
	if ((c = rs_table_find(&ds->user_tbl, name)) >= 0) {
		*where = 'u';
		return ds->user_tbl.cols[c];
	}
	return NULL;
}

/* Fill f for name; 0, 1 when a built-in has nothing to read here (why in
 * err), -1 when the name is neither a built-in nor a column. */
static int
resolve_field(const rs_dataset *ds, const rs_log *log, const char *name,
    struct field *f, rs_error *err)
{
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	f->h = util_hash_bytes(name, strlen(name));
	f->where = 'l';
	if (strcmp(name, "user") == 0 || strcmp(name, "item") == 0) {
		f->kind = name[0] == 'u' ? F_USER : F_ITEM;
		return 0;
	}
	if (strcmp(name, "creator") == 0) {
		f->kind = F_CREATOR;
		if (ds->item_creator != NULL)
			return 0;
		rs_error_set(err, RS_EINVAL, "features: creator needs the items' creators (load ... creator=COLUMN)");
		return 1;
	}
	if (strcmp(name, "category") == 0) {
		f->kind = F_CATEGORY;
		f->where = 'i';
		for (size_t i = 0; category_columns[i] != NULL; i++) {
			int c = rs_table_find(&ds->item_tbl, category_columns[i]);
			if (c >= 0) {
				f->col = ds->item_tbl.cols[c];
				return 0;
			}
		}
		rs_error_set(err, RS_EINVAL, "features: category needs an item category column (first_level_category_id, category, genre, video_tag_id or feat)");
		return 1;
	}
	if (strcmp(name, "duration") == 0) {
		f->kind = F_DURATION;
		if ((f->col = find_column(ds, log, "video_duration", &f->where)) != NULL ||
		    (f->col = find_column(ds, log, "duration", &f->where)) != NULL)
			if (f->col->kind == RS_COL_NUMBER && f->where != 'u')
				return 0;
		rs_error_set(err, RS_EINVAL, "features: duration needs a numeric video_duration or duration column");
		return 1;
	}
	if (strcmp(name, "hour") == 0) {
		f->kind = F_HOUR;
		if (log->time_col >= 0) {
			f->col = log->cols.cols[log->time_col];
			return 0;
		}
		rs_error_set(err, RS_EINVAL, "features: hour needs a time column in the log");
		return 1;
	}
	f->kind = F_COLUMN;
	if ((f->col = find_column(ds, log, name, &f->where)) != NULL)
		return 0;
	rs_error_set(err, RS_EINVAL,
	    "features: no feature or column %s (built in: " RS_CTR_BUILTINS "; or a column of the log, items or users)",
	    name);
	return -1;
}

/* The index of field name in fs, resolved and added when new; -1 (err). */
static int
field_index(struct feats *fs, const rs_dataset *ds, const rs_log *log,
    const char *name, rs_error *err)
{
	for (size_t i = 0; i < fs->nf; i++)
		if (strcmp(fs->f[i].name, name) == 0)
			return (int)i;
	if (fs->nf == CTR_MAX_SLOTS || strlen(name) >= sizeof fs->f[0].name) {
		rs_error_set(err, RS_EINVAL, "features: too many features, or %s is too long", name);
		return -1;
	}
	if (resolve_field(ds, log, name, &fs->f[fs->nf], err) != 0)
		return -1;
	return (int)fs->nf++;
}

/* Resolve a feature list ("user,item,user*hour") against ds and log.
 * spec NULL or "": every built-in the data has. canon (may be NULL)
 * receives the list as resolved. */
static int
resolve(const char *spec, const rs_dataset *ds, const rs_log *log,
    struct feats *fs, char *canon, size_t size, rs_error *err)
{
	char buf[1024], *save = NULL;
	size_t len = 0;

	fs->nf = fs->ns = 0;
	if (canon != NULL && size > 0)
		canon[0] = '\0';
	if (spec == NULL || spec[0] == '\0' || strcmp(spec, "auto") == 0) {
		for (size_t i = 0; builtin_names[i] != NULL; i++) {
			struct field f;
			if (resolve_field(ds, log, builtin_names[i], &f, NULL) != 0)
				continue;
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
			    len ? "," : "", builtin_names[i]);
		}
		spec = buf;
	} else if (strlen(spec) >= sizeof buf) {
		rs_error_set(err, RS_EINVAL, "features: the list is too long");
		return -1;
	} else
		snprintf(buf, sizeof buf, "%s", spec);
	if (canon != NULL)
		snprintf(canon, size, "%s", buf);
	for (char *tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		char *star = strchr(tok, '*');
		struct slot sl = { -1, -1 };
		if (fs->ns == CTR_MAX_SLOTS) {
			rs_error_set(err, RS_EINVAL, "features: more than %d", CTR_MAX_SLOTS);
			return -1;
		}
		if (star != NULL)
			*star = '\0';
		if ((sl.a = field_index(fs, ds, log, tok, err)) < 0)
			return -1;
		if (star != NULL && (sl.b = field_index(fs, ds, log, star + 1, err)) < 0)
			return -1;
		fs->s[fs->ns++] = sl;
	}
	if (fs->ns == 0) {
		rs_error_set(err, RS_EINVAL, "features: none given");
		return -1;
	}
	return 0;
}

/* The column's value for row r of log (NaN: missing; text columns give
 * their hash through *text). */
static double
column_value(const struct field *f, const rs_dataset *ds, const rs_log *log,
    size_t r, const char **text)
{
	size_t at = r;

	(void)ds;
	*text = NULL;
	if (f->where == 'i')
		at = log->item[r];
	else if (f->where == 'u')
		at = log->user[r];
	if (at >= f->col->n)
		return NAN;
	if (f->col->kind == RS_COL_TEXT) {
		*text = rs_column_text(f->col, at);
		return (*text)[0] != '\0' ? 0 : NAN;
	}
	return rs_column_get(f->col, at);
}

/* The hash of field f's value on row r, 0 when it has none. */
static uint64_t
field_hash(const struct field *f, const rs_dataset *ds, const rs_log *log, size_t r)
{
	const char *text = NULL;
	double x;
	uint64_t v;

	switch (f->kind) {
	case F_USER:
		x = log->user[r];
		break;
	case F_ITEM:
		x = log->item[r];
		break;
	case F_CREATOR:
		if (log->item[r] >= rs_ids_count(ds->items) ||
		    ds->item_creator[log->item[r]] == RS_NONE)
			return 0;
		x = ds->item_creator[log->item[r]];
		break;
	case F_DURATION:
		x = column_value(f, ds, log, r, &text);
		x = x >= 0 ? floor(log2(1 + x)) : NAN;
		break;
	case F_HOUR:
		x = column_value(f, ds, log, r, &text);
		x = floor(fmod(fmod(x, 86400) + 86400, 86400) / 3600);
		break;
	default:
		x = column_value(f, ds, log, r, &text);
		break;
	}
	if (isnan(x))
		return 0;
	if (text != NULL)
		v = util_hash_bytes(text, strlen(text));
	else {
		x = x == 0 ? 0 : x;	/* -0 and 0 are one value */
		memcpy(&v, &x, sizeof v);
	}
	v = rnd_mix(f->h ^ rnd_mix(v + 0x9e3779b97f4a7c15ULL));
	return v ? v : 1;
}

/* ---- the label ---- */

int
model_ctr_target(const char *text, char *name, size_t size, double *thr,
    rs_error *err)
{
	const char *ge = text ? strstr(text, ">=") : NULL;
	size_t len;

	*thr = NAN;
	if (text == NULL || text[0] == '\0') {
		rs_error_set(err, RS_EINVAL,
		    "which label? give target=COLUMN (a 0/1 log column such as is_like) or target=COLUMN>=T");
		return -1;
	}
	len = ge ? (size_t)(ge - text) : strlen(text);
	if (ge != NULL) {
		char *end;
		*thr = strtod(ge + 2, &end);
		if (ge[2] == '\0' || *end != '\0' || !isfinite(*thr)) {
			rs_error_set(err, RS_EINVAL, "target=%s: the threshold after >= is not a number", text);
			return -1;
		}
	}
	if (len == 0 || len >= size) {
		rs_error_set(err, RS_EINVAL, "target=%s: no column name", text);
		return -1;
	}
	memcpy(name, text, len);
	name[len] = '\0';
	return 0;
}

/* The label of row r: 1, 0, or -1 when missing. Without a threshold any
 * value other than 0 is a 1 (training checked the column is 0/1). */
static int
label(const rs_column *c, double thr, size_t r)
{
	double x = r < c->n ? rs_column_get(c, r) : NAN;

	if (isnan(x))
		return -1;
	return isnan(thr) ? x != 0 : x >= thr;
}

/* The log and its rows of a part: the held-out file for test (validation)
 * when the split read one, else the log's rows of that part. */
static const rs_log *
part_rows(const rs_dataset *ds, int part, size_t **rows, size_t *n)
{
	const rs_log *log = &ds->log;

	if (part == RS_TEST && ds->heldout != NULL)
		log = ds->heldout;
	else if (part == RS_VALID && ds->heldout_valid != NULL)
		log = ds->heldout_valid;
	*rows = xmalloc((log->n ? log->n : 1) * sizeof **rows);
	*n = 0;
	for (size_t r = 0; r < log->n; r++)
		if (log != &ds->log || (log->part ? log->part[r] == part : part == RS_TRAIN))
			(*rows)[(*n)++] = r;
	return log;
}

/* The label column of log; -1 with err when it is missing or text. */
static const rs_column *
target_column(const rs_log *log, const char *target, rs_error *err)
{
	int c = rs_table_find(&log->cols, target);

	if (c < 0) {
		rs_error_set(err, RS_EINVAL, "target=%s: no such column in the log", target);
		return NULL;
	}
	if (log->cols.cols[c]->kind != RS_COL_NUMBER) {
		rs_error_set(err, RS_EINVAL, "target=%s is not a numeric column", target);
		return NULL;
	}
	return log->cols.cols[c];
}

/* The label must be 0/1 (or thresholded) with both classes in training. */
static int
check_label(const rs_column *c, const char *target, double thr,
    const size_t *rows, size_t n, rs_error *err)
{
	double lo = INFINITY, hi = -INFINITY;
	size_t ones = 0, seen = 0;

	for (size_t j = 0; j < n; j++) {
		double x = rs_column_get(c, rows[j]);
		if (isnan(x))
			continue;
		lo = x < lo ? x : lo;
		hi = x > hi ? x : hi;
		if (isnan(thr) && x != 0 && x != 1) {
			rs_error_set(err, RS_EINVAL,
			    "target=%s is not a 0/1 column (it holds %g); give a threshold, e.g. target=%s>=%g",
			    target, x, target, x);
			return -1;
		}
		seen++;
		ones += isnan(thr) ? x == 1 : x >= thr;
	}
	if (seen == 0) {
		rs_error_set(err, RS_EINVAL, "target=%s has no value on the training rows", target);
		return -1;
	}
	if (ones == 0 || ones == seen) {
		rs_error_set(err, RS_EINVAL,
		    "target=%s%s is %d on every training row (%zu): nothing to learn",
		    target, isnan(thr) ? "" : " (thresholded)", ones ? 1 : 0, seen);
		return -1;
	}
	return 0;
}

/* A feature must not be the label, nor a column equal to it on every
 * training row where both are present. */
static int
check_leaks(const struct feats *fs, const rs_dataset *ds, const rs_log *log,
    const rs_column *tc, const char *target, double thr, const size_t *rows,
    size_t n, rs_error *err)
{
	for (size_t i = 0; i < fs->nf; i++) {
		const struct field *f = &fs->f[i];
		size_t same = 0, both = 0;
		if (f->col == NULL)
			continue;
		if (f->col == tc || (f->where == 'l' && strcmp(f->col->name, target) == 0)) {
			rs_error_set(err, RS_EINVAL,
			    "features: %s is the target's column (a feature cannot be the label it predicts)",
			    f->name);
			return -1;
		}
		if (f->col->kind == RS_COL_TEXT || f->kind == F_HOUR || f->kind == F_DURATION)
			continue;
		for (size_t j = 0; j < n; j++) {
			const char *text;
			double x = column_value(f, ds, log, rows[j], &text);
			int y = label(tc, thr, rows[j]);
			if (isnan(x) || y < 0)
				continue;
			both++;
			same += x == (double)y;
		}
		if (both > 0 && same == both) {
			rs_error_set(err, RS_EINVAL,
			    "features: %s equals the target on every training row (a leak); leave it out",
			    f->name);
			return -1;
		}
	}
	return 0;
}

int
model_ctr_check(const rs_dataset *ds, const char *target, double thr,
    const char *spec, char *canon, size_t size, rs_error *err)
{
	struct feats fs;
	const rs_column *tc;
	size_t *rows, n;
	int rc = -1;

	if ((tc = target_column(&ds->log, target, err)) == NULL)
		return -1;
	part_rows(ds, RS_TRAIN, &rows, &n);
	if (resolve(spec, ds, &ds->log, &fs, canon, size, err) == 0 &&
	    check_label(tc, target, thr, rows, n, err) == 0 &&
	    check_leaks(&fs, ds, &ds->log, tc, target, thr, rows, n, err) == 0)
		rc = 0;
	free(rows);
	return rc;
}

void
model_ctr_rows_free(struct ctr_rows *r)
{
	if (r == NULL)
		return;
	free(r->idx);
	free(r->y);
	free(r->user);
	free(r);
}

struct ctr_rows *
model_ctr_encode(const struct ctr_state *s, const rs_dataset *ds, int part,
    rs_error *err)
{
	struct feats fs;
	struct ctr_rows *out;
	const rs_column *tc;
	const rs_log *log;
	size_t *rows, n;
	uint64_t mask = s->nb - 1, h[CTR_MAX_SLOTS];

	log = part_rows(ds, part, &rows, &n);
	if ((tc = target_column(log, s->target, err)) == NULL ||
	    resolve(s->features, ds, log, &fs, NULL, 0, err) != 0) {
		free(rows);
		return NULL;
	}
	out = xcalloc(1, sizeof *out);
	out->nf = (uint32_t)fs.ns;
	out->idx = xmalloc((n ? n : 1) * fs.ns * sizeof *out->idx);
	out->y = xmalloc(n ? n : 1);
	out->user = xmalloc((n ? n : 1) * sizeof *out->user);
	for (size_t j = 0; j < n; j++) {
		size_t r = rows[j];
		uint32_t *idx = out->idx + out->n * fs.ns;
		int y = label(tc, s->thr, r);
		if (y < 0)
			continue;	/* rows without a label are left out */
		for (size_t i = 0; i < fs.nf; i++)
			h[i] = field_hash(&fs.f[i], ds, log, r);
		for (size_t i = 0; i < fs.ns; i++) {
			uint64_t a = h[fs.s[i].a], b = fs.s[i].b >= 0 ? h[fs.s[i].b] : 1;
			uint64_t v = fs.s[i].b >= 0 ? rnd_mix(a ^ (b * 0x9e3779b97f4a7c15ULL)) : a;
			idx[i] = a && b ? (uint32_t)(v & mask) : CTR_NONE;
		}
		out->y[out->n] = (uint8_t)y;
		out->user[out->n++] = log->user[r];
	}
	free(rows);
	return out;
}
