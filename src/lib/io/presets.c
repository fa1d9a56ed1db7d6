/* Dataset presets: MovieLens (100K, 1M/10M, latest) files and the KuaiRec 2.0 folder. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <jansson.h>

#include "reelscope/load.h"
#include "io.h"
#include "util/text.h"
#include "util/xmalloc.h"

static const char *const ml_genres[] = { "unknown", "Action", "Adventure",
	"Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
	"Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
	"Sci-Fi", "Thriller", "War", "Western" };

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir/name, or dir/name.gz when only that exists (the caller frees). */
static char *
data_file(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name), *gz;

	if (is_file(p))
		return p;
	gz = xasprintf("%s.gz", p);
	if (is_file(gz)) {
		free(p);
		return gz;
	}
	free(gz);
	return p;
}

/* A file next to path (name, or name.gz when only that exists). */
static char *
sibling(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	char *p, *gz;

	if (slash == NULL)
		p = xstrdup(name);
	else
		p = xasprintf("%.*s/%s", (int)(slash - path), path, name);
	if (is_file(p))
		return p;
	gz = xasprintf("%s.gz", p);
	if (is_file(gz)) {
		free(p);
		return gz;
	}
	free(gz);
	return p;
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

const char *
io_movielens_variant(const char *path)
{
	char b[64], line[64];
	size_t n;
	gzFile f;

	snprintf(b, sizeof b, "%s", base_name(path));
	n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".gz") == 0)
		b[n - 3] = '\0';	/* u.data.gz is still u.data */

	if (strcmp(b, "u.data") == 0)
		return "100k";
	if (strlen(b) == 7 && b[0] == 'u' && b[2] == '.' &&
	    ((b[1] >= '1' && b[1] <= '5') || b[1] == 'a' || b[1] == 'b') &&
	    (strcmp(b + 3, "base") == 0 || strcmp(b + 3, "test") == 0))
		return "100k";
	if (strcmp(b, "ratings.dat") == 0)
		return "1m";
	if (strcmp(b, "ratings.csv") == 0 && (f = gzopen(path, "rb")) != NULL) {
		bool ml = gzgets(f, line, sizeof line) != NULL &&
		    strncmp(line, "userId,movieId,", 15) == 0;
		gzclose(f);
		if (ml)
			return "latest";
	}
	return NULL;
}

/* Turn u.item's 19 genre flag columns into one "genres" text column
 * ("Action|Comedy"), the form MovieLens uses in its later releases. */
static void
fold_genres(rs_table *tbl)
{
	int idx[19];
	rs_column *g = rs_column_new("genres", RS_COL_TEXT);
	struct strbuf sb;
	size_t kept = 0;

	for (int k = 0; k < 19; k++)
		if ((idx[k] = rs_table_find(tbl, ml_genres[k])) < 0) {
			rs_column_free(g);
			return;
		}
	sb_init(&sb);
	for (size_t r = 0; r < tbl->nrows; r++) {
		sb.len = 0;
		for (int k = 0; k < 19; k++)
			if (rs_column_get(tbl->cols[idx[k]], r) == 1) {
				if (sb.len)
					sb_putc(&sb, '|');
				sb_puts(&sb, ml_genres[k]);
			}
		if (sb.len)
			rs_column_push_text(g, sb.s, sb.len);
		else
			rs_column_push_missing(g);
	}
	sb_free(&sb);
	for (size_t j = 0; j < tbl->ncols; j++) {
		bool flag = false;
		for (int k = 0; k < 19; k++)
			if ((int)j == idx[k])
				flag = true;
		if (flag)
			rs_column_free(tbl->cols[j]);
		else
			tbl->cols[kept++] = tbl->cols[j];
	}
	tbl->ncols = kept;
	rs_column_finish(g);
	rs_table_add(tbl, g);
}

int
io_load_movielens(rs_dataset *ds, const char *path, const char *variant,
    const rs_load_opts *o, const rs_hooks *hooks, rs_error *err)
{
	static const char *const log_names[] = { "user_id", "item_id", "rating",
		"timestamp" };
	static const char *const item100k[] = { "item_id", "title",
		"release_date", "video_release_date", "imdb_url", "unknown", "Action",
		"Adventure", "Animation", "Children's", "Comedy", "Crime",
		"Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
		"Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western" };
	static const char *const user100k[] = { "user_id", "age", "gender",
		"occupation", "zip_code" };
	static const char *const item1m[] = { "item_id", "title", "genres" };
	static const char *const user1m[] = { "user_id", "gender", "age",
		"occupation", "zip_code" };
	struct file_spec fs = { 0 }, is = { 0 }, us = { 0 };
	struct log_roles roles = { o->user, o->item, o->value, o->time, o->creator };
	char *items = NULL, *users = NULL;
	int rc = -1;

	if (variant == NULL) {
		size_t n = strlen(path);
		variant = n > 4 && strcmp(path + n - 4, ".dat") == 0 ? "1m" :
		    n > 4 && strcmp(path + n - 4, ".csv") == 0 ? "latest" : "100k";
	}
	fs.path = fs.display = path;
	fs.skip_bad = o->skip_bad == 1;
	fs.max_line = o->max_line;
	fs.types = o->types;
	is.skip_bad = us.skip_bad = fs.skip_bad;
	is.max_line = us.max_line = o->max_line;
	is.header = us.header = 0;
	if (strcmp(variant, "100k") == 0) {
		fs.delim = "\t";
		fs.header = 0;
		fs.names = log_names;
		fs.nnames = 4;
		items = o->items_path ? xstrdup(o->items_path) : sibling(path, "u.item");
		users = o->users_path ? xstrdup(o->users_path) : sibling(path, "u.user");
		is.delim = us.delim = "|";
		is.enc = us.enc = ENC_LATIN1;
		is.no_quotes = us.no_quotes = true;
		is.names = item100k;
		is.nnames = 24;
		us.names = user100k;
		us.nnames = 5;
	} else if (strcmp(variant, "1m") == 0) {
		fs.delim = "::";
		fs.header = 0;
		fs.names = log_names;
		fs.nnames = 4;
		items = o->items_path ? xstrdup(o->items_path) : sibling(path, "movies.dat");
		users = o->users_path ? xstrdup(o->users_path) : sibling(path, "users.dat");
		is.delim = us.delim = "::";
		is.enc = us.enc = ENC_AUTO;	/* 1M is Latin-1, 10M is UTF-8 */
		is.no_quotes = us.no_quotes = true;
		is.names = item1m;
		is.nnames = 3;
		us.names = user1m;
		us.nnames = 5;
	} else {
		fs.delim = ",";
		fs.header = 1;
		items = o->items_path ? xstrdup(o->items_path) : sibling(path, "movies.csv");
		users = o->users_path ? xstrdup(o->users_path) : NULL;
		is.delim = ",";
		is.header = us.header = 1;
		is.enc = us.enc = ENC_UTF8;
	}
	fs.enc = ENC_UTF8;
	ds->format = xasprintf("movielens-%s", variant);
	io_load_note(ds, hooks, RS_NOTE_INFO, "format: MovieLens %s%s", strcmp(variant, "latest") == 0 ?
	    "latest (ratings.csv)" : strcmp(variant, "1m") == 0 ?
	    "1M/10M (ratings.dat)" : "100K (u.data)",
	    o->format == NULL ? ", from the file name" : "");
	if (io_load_log(ds, &ds->log, &fs, &roles, "log", hooks, err) != 0)
		goto out;
	if (items != NULL && (o->items_path != NULL || is_file(items))) {
		is.path = is.display = items;
		if (io_load_side(ds, &ds->item_tbl, ds->items, true, &is,
		    o->item_key ? o->item_key : strcmp(variant, "latest") == 0 ?
		    "movieId" : "item_id", o->creator, "items", hooks, err) != 0)
			goto out;
		if (strcmp(variant, "100k") == 0)
			fold_genres(&ds->item_tbl);
	}
	if (users != NULL && (o->users_path != NULL || is_file(users))) {
		us.path = us.display = users;
		if (io_load_side(ds, &ds->user_tbl, ds->users, false, &us,
		    o->user_key ? o->user_key : strcmp(variant, "latest") == 0 ?
		    "userId" : "user_id", NULL, "users", hooks, err) != 0)
			goto out;
	}
	if (o->creator != NULL)
		ds->creator_from = xstrdup(o->creator);
	rc = 0;
out:
	free(items);
	free(users);
	return rc;
}

/* The bot users of a simulated world: manifest.json's top-level
 * "bot_user_ids" array of user ids (numbers, or strings as ids may be).
 * Read with a JSON parser so that any spacing or key order works; a missing
 * or malformed manifest just means no bots in the ground truth. */
static void
load_bots(const rs_dataset *ds, rs_dirt *d, const char *dir)
{
	char *path = xasprintf("%s/manifest.json", dir);
	json_t *root = json_load_file(path, 0, NULL), *ids, *v;
	size_t i;

	free(path);
	ids = json_object_get(root, "bot_user_ids");
	json_array_foreach(ids, i, v) {
		char idtext[32];
		const char *id = idtext;
		int64_t u;
		if (json_is_integer(v))
			snprintf(idtext, sizeof idtext, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
		else if (json_is_string(v))
			id = json_string_value(v);
		else
			continue;
		u = rs_ids_find(ds->users, id, strlen(id));
		if (u >= 0) {
			d->bots = xreallocarray(d->bots, d->nbots + 1, sizeof *d->bots);
			d->bots[d->nbots++] = (uint32_t)u;
		}
	}
	json_decref(root);
}

/* A simulated world's ground truth of dirt: dirt.csv (kind,line,user_id,
 * video_id,timestamp) and the bot users listed in manifest.json. Missing or
 * unreadable files just mean no ground truth. */
static void
load_dirt(rs_dataset *ds, const char *dir, const rs_hooks *hooks)
{
	char *path = xasprintf("%s/dirt.csv", dir), line[512];
	FILE *f = fopen(path, "r");
	rs_dirt *d;
	size_t cap = 0;

	free(path);
	if (f == NULL)
		return;
	d = xcalloc(1, sizeof *d);
	if (fgets(line, sizeof line, f) == NULL ||
	    strncmp(line, "kind,line,user_id,video_id,timestamp", 36) != 0) {
		fclose(f);
		free(d);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *fields[5], *save = NULL, *tok;
		int nf = 0, kind = -1;
		for (tok = strtok_r(line, ",\n", &save); tok != NULL && nf < 5;
		    tok = strtok_r(NULL, ",\n", &save))
			fields[nf++] = tok;
		if (nf != 5)
			continue;
		for (int k = 0; k < RS_DIRT_KINDS; k++)
			if (strcmp(fields[0], rs_dirt_kind_name(k)) == 0)
				kind = k;
		if (kind < 0)
			continue;
		if (d->n == cap) {
			cap = cap ? 2 * cap : 256;
			d->kind = xrealloc(d->kind, cap);
			d->user = xreallocarray(d->user, cap, sizeof *d->user);
			d->item = xreallocarray(d->item, cap, sizeof *d->item);
			d->time = xreallocarray(d->time, cap, sizeof *d->time);
		}
		{
			int64_t u = rs_ids_find(ds->users, fields[2], strlen(fields[2]));
			int64_t v = rs_ids_find(ds->items, fields[3], strlen(fields[3]));
			d->kind[d->n] = (uint8_t)kind;
			d->user[d->n] = u < 0 ? RS_NONE : (uint32_t)u;
			d->item[d->n] = v < 0 ? RS_NONE : (uint32_t)v;
			d->time[d->n] = strtod(fields[4], NULL);
			d->n++;
		}
	}
	fclose(f);
	load_bots(ds, d, dir);
	ds->dirt = d;
	if (d->n + d->nbots > 0)
		io_load_note(ds, hooks, RS_NOTE_INFO,
		    "ground truth: dirt.csv lists %zu injected dirty rows, manifest.json %zu bot users",
		    d->n, d->nbots);
}

int
io_load_kuairec(rs_dataset *ds, const char *dir, const rs_load_opts *o,
    const rs_hooks *hooks, rs_error *err)
{
	static const char *const item_files[] = { "item_daily_features.csv",
		"item_categories.csv", "kuairec_caption_category.csv" };
	static const char *const user_files[] = { "user_features.csv",
		"social_network.csv" };
	struct file_spec fs = { 0 };
	struct log_roles roles = {
		o->user ? o->user : "user_id", o->item ? o->item : "video_id",
		o->value ? o->value : "watch_ratio", o->time ? o->time : "timestamp",
		NULL };
	const char *matrix = o->matrix ? o->matrix : "both";
	char *data, *big, *small;
	bool has_big, has_small;
	int rc = -1;

	/* the download unpacks to "KuaiRec 2.0/data/": accept either level */
	data = xasprintf("%s/data", dir);
	big = data_file(dir, "big_matrix.csv");
	small = data_file(dir, "small_matrix.csv");
	if (!is_file(big) && !is_file(small)) {
		char *b2 = data_file(data, "big_matrix.csv");
		char *s2 = data_file(data, "small_matrix.csv");
		if (is_file(b2) || is_file(s2)) {
			free(big);
			free(small);
			big = b2;
			small = s2;
			dir = data;
		} else {
			free(b2);
			free(s2);
		}
	}
	has_big = is_file(big);
	has_small = is_file(small);
	if (!has_big && !has_small) {
		rs_error_set(err, RS_EIO,
		    "%s is a folder without big_matrix.csv or small_matrix.csv (KuaiRec layout); give a file to load",
		    dir);
		goto out;
	}
	if ((strcmp(matrix, "big") == 0 && !has_big) ||
	    (strcmp(matrix, "small") == 0 && !has_small)) {
		rs_error_set(err, RS_EIO, "matrix=%s: %s has no %s_matrix.csv",
		    matrix, dir, matrix);
		goto out;
	}
	ds->format = xstrdup("kuairec");
	io_load_note(ds, hooks, RS_NOTE_INFO, "format: KuaiRec 2.0 folder %s", dir);
	fs.enc = io_encoding_of(o->encoding);
	fs.skip_bad = o->skip_bad == 1;
	fs.max_line = o->max_line;
	fs.header = 1;
	fs.delim = ",";
	fs.types = o->types;
	fs.path = fs.display = (has_big && strcmp(matrix, "small") != 0) ? big : small;
	if (io_load_log(ds, &ds->log, &fs, &roles, "log", hooks, err) != 0)
		goto out;
	if (has_big && has_small && strcmp(matrix, "both") == 0) {
		ds->observed = xcalloc(1, sizeof *ds->observed);
		fs.path = fs.display = small;
		if (io_load_log(ds, ds->observed, &fs, &roles, "observed block", hooks,
		    err) != 0)
			goto out;
	}
	fs.types = NULL;
	for (size_t k = 0; k < sizeof item_files / sizeof item_files[0]; k++) {
		char *p = data_file(dir, item_files[k]);
		int r = 0;
		if (is_file(p)) {
			fs.path = fs.display = p;
			r = io_load_side(ds, &ds->item_tbl, ds->items, true, &fs,
			    "video_id", o->creator, "items", hooks, err);
		}
		free(p);
		if (r != 0)
			goto out;
	}
	for (size_t k = 0; k < sizeof user_files / sizeof user_files[0]; k++) {
		char *p = data_file(dir, user_files[k]);
		int r = 0;
		if (is_file(p)) {
			fs.path = fs.display = p;
			r = io_load_side(ds, &ds->user_tbl, ds->users, false, &fs,
			    "user_id", NULL, "users", hooks, err);
		}
		free(p);
		if (r != 0)
			goto out;
	}
	if (o->creator != NULL)
		ds->creator_from = xstrdup(o->creator);
	else if (rs_table_find(&ds->item_tbl, "author_id") >= 0)
		ds->creator_from = xstrdup("author_id");
	load_dirt(ds, dir, hooks);
	rc = 0;
out:
	free(data);
	free(big);
	free(small);
	return rc;
}
