/* Splits: every log row gets a part (train, validation, test), seeded and independent of threads. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/load.h"
#include "reelscope/split.h"
#include "util/xmalloc.h"

void
rs_split_opts_init(rs_split_opts *o, enum rs_split_kind kind)
{
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->test = 0.2;
	o->valid = 0;
	o->k = kind == RS_SPLIT_KFOLD ? 5 : 1;
	o->fold = 1;
	o->seed = 1;
	o->min_train = 1;
}

const char *
rs_split_kind_name(enum rs_split_kind kind)
{
	static const char *const names[] = { "none", "random", "user",
		"temporal", "leave-last", "kfold", "observed", "files" };

	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *
rs_split_opts_check(const rs_split_opts *o, const rs_dataset *ds)
{
	if (!(o->valid >= 0 && o->valid < 1))
		return "valid must be from 0 to below 1 (a share of the training rows)";
	switch (o->kind) {
	case RS_SPLIT_RANDOM:
	case RS_SPLIT_USER:
	case RS_SPLIT_TEMPORAL:
		if (!(o->test > 0 && o->test < 1))
			return "test must be above 0 and below 1 (a share of the rows)";
		if (o->kind == RS_SPLIT_TEMPORAL && ds->log.time_col < 0)
			return "a temporal split needs a time column (load ... time=COLUMN)";
		break;
	case RS_SPLIT_LEAVE_LAST:
		if (o->k < 1 || o->k > 1000)
			return "k must be from 1 to 1000 (rows left out per user)";
		if (ds->log.time_col < 0)
			return "leave-last needs a time column to know which rows are last (load ... time=COLUMN)";
		break;
	case RS_SPLIT_KFOLD:
		if (o->k < 2 || o->k > 100)
			return "k must be from 2 to 100 folds";
		if (o->fold < 1 || o->fold > o->k)
			return "fold must be from 1 to k";
		break;
	case RS_SPLIT_OBSERVED:
		if (ds->observed == NULL)
			return "this dataset has no fully observed block (a KuaiRec folder with small_matrix.csv, or generate)";
		break;
	case RS_SPLIT_FILES:
		if (o->test_path == NULL)
			return "give test=PATH, the file of held-out rows (e.g. u1.test)";
		break;
	default:
		return "unknown split kind";
	}
	return NULL;
}

/* A uniform number in [0,1) for (seed, a, b): the same whatever the order
 * or thread that asks. */
static double
unif(uint64_t seed, uint64_t a, uint64_t b)
{
	uint64_t z = seed * 0x9e3779b97f4a7c15ULL ^ (a + 0x632be59bd9b4e019ULL) *
	    0xbf58476d1ce4e5b9ULL ^ b * 0x94d049bb133111ebULL;

	z ^= z >> 31;
	z *= 0xd6e8feb86659fd93ULL;
	z ^= z >> 32;
	z *= 0xd6e8feb86659fd93ULL;
	z ^= z >> 32;
	return (double)(z >> 11) * 0x1.0p-53;
}

/* Rows of one user, sorted by time (ties by row), or shuffled by seed. */
struct rowkey {
	double key;
	uint32_t row;
};

static int
cmp_rowkey(const void *a, const void *b)
{
	const struct rowkey *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* Mark a share of the training rows as validation, at random per row. */
static void
carve_valid(rs_log *log, double valid, uint64_t seed)
{
	if (valid <= 0)
		return;
	for (size_t r = 0; r < log->n; r++)
		if (log->part[r] == RS_TRAIN && unif(seed, 7, r) < valid)
			log->part[r] = RS_VALID;
}

/* Per-user splits: the test rows of each user are the last ones by time
 * (leave-last) or a random share (user). */
static void
split_per_user(rs_dataset *ds, const rs_split_opts *o)
{
	rs_log *log = &ds->log;
	const rs_index *ix = rs_log_by_user(log, rs_ids_count(ds->users));
	const rs_column *tc = log->time_col >= 0 ? log->cols.cols[log->time_col] : NULL;
	size_t maxn = 0;

	for (uint32_t u = 0; u < ix->nkeys; u++)
		if (ix->ptr[u + 1] - ix->ptr[u] > maxn)
			maxn = ix->ptr[u + 1] - ix->ptr[u];
	#pragma omp parallel
	{
		struct rowkey *rk = xmalloc((maxn + 1) * sizeof *rk);
		#pragma omp for schedule(dynamic, 64)
		for (uint32_t u = 0; u < ix->nkeys; u++) {
			size_t n = ix->ptr[u + 1] - ix->ptr[u], ntest, nvalid = 0;
			for (size_t i = 0; i < n; i++) {
				uint32_t r = ix->rows ? ix->rows[ix->ptr[u] + i] :
				    (uint32_t)(ix->ptr[u] + i);
				double t;
				rk[i].row = r;
				if (o->kind == RS_SPLIT_LEAVE_LAST) {
					t = rs_column_get(tc, r);
					rk[i].key = isnan(t) ? -INFINITY : t;
				} else
					rk[i].key = unif(o->seed, u, r);
			}
			qsort(rk, n, sizeof *rk, cmp_rowkey);
			if (o->kind == RS_SPLIT_LEAVE_LAST) {
				ntest = n >= o->min_train + o->k ? o->k : 0;
				if (o->valid > 0 && n >= o->min_train + 2 * o->k)
					nvalid = o->k;	/* the k rows before the test ones */
			} else {
				ntest = (size_t)llround(o->test * (double)n);
				if (ntest + o->min_train > n)
					ntest = n > o->min_train ? n - o->min_train : 0;
			}
			for (size_t i = 0; i < n; i++) {
				uint8_t p = RS_TRAIN;
				if (i >= n - ntest)
					p = RS_TEST;
				else if (i >= n - ntest - nvalid)
					p = RS_VALID;
				log->part[rk[i].row] = p;
			}
		}
		free(rk);
	}
	if (o->kind == RS_SPLIT_USER)
		carve_valid(log, o->valid, o->seed);
}

/* One time cut for everyone: the latest test share of rows is test, the
 * latest valid share of the rest is validation. */
static void
split_temporal(rs_dataset *ds, const rs_split_opts *o)
{
	rs_log *log = &ds->log;
	const rs_column *tc = log->cols.cols[log->time_col];
	struct rowkey *rk = xmalloc((log->n + 1) * sizeof *rk);
	size_t ntest = (size_t)llround(o->test * (double)log->n), nvalid;

	for (size_t r = 0; r < log->n; r++) {
		double t = rs_column_get(tc, r);
		rk[r].key = isnan(t) ? -INFINITY : t;
		rk[r].row = (uint32_t)r;
	}
	qsort(rk, log->n, sizeof *rk, cmp_rowkey);
	nvalid = (size_t)llround(o->valid * (double)(log->n - ntest));
	for (size_t i = 0; i < log->n; i++)
		log->part[rk[i].row] = i >= log->n - ntest ? RS_TEST :
		    i >= log->n - ntest - nvalid ? RS_VALID : RS_TRAIN;
	free(rk);
}

/* k-fold: the rows in a seeded random order (Fisher-Yates), dealt to the
 * folds in turn, so that the k folds of one seed partition the log and
 * their sizes differ by at most one row. */
static void
split_kfold(rs_log *log, const rs_split_opts *o)
{
	uint32_t *perm = xmalloc((log->n ? log->n : 1) * sizeof *perm);

	for (size_t r = 0; r < log->n; r++)
		perm[r] = (uint32_t)r;
	for (size_t j = log->n; j > 1; j--) {
		size_t x = (size_t)(unif(o->seed, 3, j) * (double)j);
		uint32_t t = perm[j - 1];
		perm[j - 1] = perm[x];
		perm[x] = t;
	}
	for (size_t i = 0; i < log->n; i++)
		log->part[perm[i]] = i % o->k + 1 == o->fold ? RS_TEST : RS_TRAIN;
	free(perm);
}

/* Map a separately loaded log into ds's id spaces (new ids are added). */
static rs_log *
adopt_log(rs_dataset *ds, const rs_dataset *other)
{
	rs_log *l = xcalloc(1, sizeof *l);
	const rs_log *src = &other->log;

	l->n = src->n;
	l->user = xmalloc((src->n ? src->n : 1) * sizeof *l->user);
	l->item = xmalloc((src->n ? src->n : 1) * sizeof *l->item);
	for (size_t r = 0; r < src->n; r++) {
		const char *u = rs_ids_name(other->users, src->user[r]);
		const char *i = rs_ids_name(other->items, src->item[r]);
		l->user[r] = rs_ids_intern(ds->users, u, strlen(u));
		l->item[r] = rs_ids_intern(ds->items, i, strlen(i));
	}
	l->cols.nrows = src->n;
	for (size_t j = 0; j < src->cols.ncols; j++)
		rs_table_add(&l->cols, rs_column_copy(src->cols.cols[j]));
	l->value_col = src->value_col;
	l->time_col = src->time_col;
	l->source = src->source ? xstrdup(src->source) : NULL;
	l->user_col = src->user_col ? xstrdup(src->user_col) : NULL;
	l->item_col = src->item_col ? xstrdup(src->item_col) : NULL;
	return l;
}

/* New ids from a test file: pad the tables and the creator map. */
static void
pad_ids(rs_dataset *ds, uint32_t old_items)
{
	uint32_t ni = rs_ids_count(ds->items), nu = rs_ids_count(ds->users);

	for (size_t j = 0; j < ds->item_tbl.ncols; j++)
		while (ds->item_tbl.cols[j]->n < ni)
			rs_column_push_missing(ds->item_tbl.cols[j]);
	if (ds->item_tbl.nrows < ni)
		ds->item_tbl.nrows = ni;
	for (size_t j = 0; j < ds->user_tbl.ncols; j++)
		while (ds->user_tbl.cols[j]->n < nu)
			rs_column_push_missing(ds->user_tbl.cols[j]);
	if (ds->user_tbl.nrows < nu)
		ds->user_tbl.nrows = nu;
	if (ds->item_creator != NULL && ni > old_items) {
		ds->item_creator = xreallocarray(ds->item_creator, ni,
		    sizeof *ds->item_creator);
		for (uint32_t i = old_items; i < ni; i++)
			ds->item_creator[i] = RS_NONE;
	}
}

static int
load_heldout(rs_dataset *ds, const char *path, rs_log **out,
    const rs_hooks *hooks, rs_error *err)
{
	rs_load_opts lo;
	rs_dataset *t;
	uint32_t old_items = rs_ids_count(ds->items);

	rs_load_opts_init(&lo);
	/* read it as the training log was read: MovieLens u1.test like u1.base */
	if (ds->format != NULL && strncmp(ds->format, "movielens", 9) == 0)
		lo.format = "movielens";
	else {
		lo.user = ds->log.user_col;
		lo.item = ds->log.item_col;
	}
	t = rs_dataset_load(path, &lo, hooks, err);
	if (t == NULL)
		return -1;
	*out = adopt_log(ds, t);
	rs_dataset_free(t);
	pad_ids(ds, old_items);
	return 0;
}

/* A log row as a key for finding copies: user and item, and the time
 * when it is compared. */
struct rowpair {
	uint64_t pair;
	double time;
};

static int
cmp_rowpair(const void *a, const void *b)
{
	const struct rowpair *x = a, *y = b;

	if (x->pair != y->pair)
		return x->pair < y->pair ? -1 : 1;
	return (x->time > y->time) - (x->time < y->time);
}

/* The key of row r of log; a missing time sorts first, equal to another
 * missing time. */
static struct rowpair
row_key(const rs_log *log, size_t r, bool by_time)
{
	struct rowpair k = { (uint64_t)log->user[r] << 32 | log->item[r], 0 };

	if (by_time) {
		k.time = rs_column_get(log->cols.cols[log->time_col], r);
		if (isnan(k.time))
			k.time = -INFINITY;
	}
	return k;
}

/* How many rows of held are also rows of train: same user and item, and
 * the same time when both logs have a time column (then a repeat at
 * another time is a new event, not a copy). */
static size_t
count_overlap(const rs_log *train, const rs_log *held, bool by_time)
{
	struct rowpair *keys = xmalloc((train->n ? train->n : 1) * sizeof *keys);
	size_t n = 0;

	for (size_t r = 0; r < train->n; r++)
		keys[r] = row_key(train, r, by_time);
	qsort(keys, train->n, sizeof *keys, cmp_rowpair);
	for (size_t r = 0; r < held->n; r++) {
		struct rowpair k = row_key(held, r, by_time);
		n += bsearch(&k, keys, train->n, sizeof *keys, cmp_rowpair) != NULL;
	}
	free(keys);
	return n;
}

/* What to load instead of a log that holds the held-out rows: MovieLens
 * uN.test goes with uN.base (u.data holds both). */
static void
training_remedy(const char *test_path, char *buf, size_t size)
{
	const char *base = strrchr(test_path, '/');
	size_t len;

	base = base != NULL ? base + 1 : test_path;
	len = strlen(base);
	if (len > 6 && base[0] == 'u' && strcmp(base + len - 5, ".test") == 0)
		snprintf(buf, size, "load the training part (%.*s.base) instead",
		    (int)(len - 5), base);
	else
		snprintf(buf, size, "load a training log without them instead");
}

/* A share as a percentage for messages: "100", "20", "0.5". */
static void
fmt_percent(size_t part, size_t whole, char *buf, size_t size)
{
	double x = whole ? 100.0 * (double)part / (double)whole : 0;

	snprintf(buf, size, x >= 10 || x == 0 ? "%.0f" : "%.2g", x);
}

/* split files: the held-out rows that are also training rows, refused
 * unless allowed. */
static int
check_overlap(rs_dataset *ds, const rs_split_opts *o, rs_split_summary *sum,
    rs_error *err)
{
	const rs_log *held[2] = { ds->heldout, ds->heldout_valid };
	size_t *count[2] = { &sum->overlap, &sum->overlap_valid };
	char pct[32], remedy[256];

	for (int h = 0; h < 2; h++) {
		bool by_time;
		if (held[h] == NULL)
			continue;
		by_time = ds->log.time_col >= 0 && held[h]->time_col >= 0;
		sum->overlap_by_time = by_time;
		*count[h] = count_overlap(&ds->log, held[h], by_time);
		if (*count[h] == 0 || o->allow_overlap)
			continue;
		fmt_percent(*count[h], held[h]->n, pct, sizeof pct);
		training_remedy(h == 0 ? o->test_path : o->valid_path, remedy,
		    sizeof remedy);
		rs_error_set(err, RS_EINVAL, "split files: %zu of %zu %s rows (%s%%) are also in the training log "
		    "(same %s): a model would be tested on rows it trained on; %s, or give --allow-overlap",
		    *count[h], held[h]->n, h == 0 ? "held-out" : "validation", pct,
		    by_time ? "user, item and time" :
		    "user and item; without a time column a copy cannot be told from a repeat",
		    remedy);
		return -1;
	}
	return 0;
}

/* Users with test rows, and those of them without a training row. */
static void
count_test_users(const rs_dataset *ds, rs_split_summary *sum)
{
	const rs_log *log = &ds->log, *tl = log;
	bool all = false;
	uint8_t *seen = xcalloc(rs_ids_count(ds->users) + 1, 1);

	for (size_t r = 0; r < log->n; r++)
		if (log->part[r] == RS_TRAIN)
			seen[log->user[r]] |= 2;
	rs_split_test(ds, &tl, &all);
	for (size_t r = 0; r < tl->n; r++)
		if ((all || tl->part[r] == RS_TEST) && !(seen[tl->user[r]] & 1)) {
			seen[tl->user[r]] |= 1;
			sum->test_users++;
			sum->cold_test_users += !(seen[tl->user[r]] & 2);
		}
	free(seen);
}

rs_dataset *
rs_split_apply(const rs_dataset *src, const rs_split_opts *o,
    rs_split_summary *sum, const rs_hooks *hooks, rs_error *err)
{
	const char *msg = rs_split_opts_check(o, src);
	rs_dataset *ds;
	rs_log *log;
	char desc[256];
	rs_split_summary scratch;

	if (sum == NULL)
		sum = &scratch;
	memset(sum, 0, sizeof *sum);
	if (msg != NULL) {
		rs_error_set(err, RS_EINVAL, "%s", msg);
		return NULL;
	}
	ds = rs_dataset_copy(src);
	log = &ds->log;
	free(log->part);
	log->part = xcalloc(log->n ? log->n : 1, 1);
	if (ds->heldout != NULL) {
		rs_log_clear(ds->heldout);
		free(ds->heldout);
		ds->heldout = NULL;
	}
	if (ds->heldout_valid != NULL) {
		rs_log_clear(ds->heldout_valid);
		free(ds->heldout_valid);
		ds->heldout_valid = NULL;
	}
	switch (o->kind) {
	case RS_SPLIT_RANDOM:
		for (size_t r = 0; r < log->n; r++)
			log->part[r] = unif(o->seed, 1, r) < o->test ? RS_TEST : RS_TRAIN;
		carve_valid(log, o->valid, o->seed);
		snprintf(desc, sizeof desc, "random test=%g valid=%g seed=%llu",
		    o->test, o->valid, (unsigned long long)o->seed);
		break;
	case RS_SPLIT_USER:
		split_per_user(ds, o);
		snprintf(desc, sizeof desc, "user test=%g valid=%g seed=%llu",
		    o->test, o->valid, (unsigned long long)o->seed);
		break;
	case RS_SPLIT_LEAVE_LAST:
		split_per_user(ds, o);
		snprintf(desc, sizeof desc, "leave-last k=%u%s", o->k,
		    o->valid > 0 ? " with validation" : "");
		break;
	case RS_SPLIT_TEMPORAL:
		split_temporal(ds, o);
		snprintf(desc, sizeof desc, "temporal test=%g valid=%g", o->test,
		    o->valid);
		break;
	case RS_SPLIT_KFOLD:
		split_kfold(log, o);
		carve_valid(log, o->valid, o->seed);
		snprintf(desc, sizeof desc, "kfold k=%u fold=%u seed=%llu", o->k,
		    o->fold, (unsigned long long)o->seed);
		break;
	case RS_SPLIT_OBSERVED:
		carve_valid(log, o->valid, o->seed);
		snprintf(desc, sizeof desc, "observed (test: the fully observed block)");
		break;
	case RS_SPLIT_FILES:
		if (load_heldout(ds, o->test_path, &ds->heldout, hooks, err) != 0 ||
		    (o->valid_path != NULL &&
		    load_heldout(ds, o->valid_path, &ds->heldout_valid, hooks, err) != 0)) {
			rs_dataset_free(ds);
			return NULL;
		}
		if (check_overlap(ds, o, sum, err) != 0) {
			rs_dataset_free(ds);
			return NULL;
		}
		carve_valid(log, o->valid, o->seed);
		snprintf(desc, sizeof desc, "files test=%s%s%s", o->test_path,
		    o->valid_path ? " valid=" : "", o->valid_path ? o->valid_path : "");
		break;
	default:
		break;
	}
	rs_log_drop_indexes(log);
	ds->split_kind = o->kind;
	free(ds->split_desc);
	ds->split_desc = xstrdup(desc);
	{
		const rs_log *tl = log;
		bool all = false;
		sum->train = sum->valid = sum->test = 0;
		sum->test_users = sum->cold_test_users = 0;
		for (size_t r = 0; r < log->n; r++) {
			if (log->part[r] == RS_TRAIN)
				sum->train++;
			else if (log->part[r] == RS_VALID)
				sum->valid++;
			else
				sum->test++;
		}
		rs_split_test(ds, &tl, &all);
		sum->external = all;
		if (all)
			sum->test = tl->n;
		if (ds->heldout_valid != NULL)
			sum->valid = ds->heldout_valid->n;
		count_test_users(ds, sum);
	}
	return ds;
}

bool
rs_split_test(const rs_dataset *ds, const rs_log **log, bool *all)
{
	switch (ds->split_kind) {
	case RS_SPLIT_NONE:
		return false;
	case RS_SPLIT_OBSERVED:
		*log = ds->observed;
		*all = true;
		return true;
	case RS_SPLIT_FILES:
		*log = ds->heldout;
		*all = true;
		return true;
	default:
		*log = &ds->log;
		*all = false;
		return true;
	}
}
