/* anonymize: user and creator ids become keyed hashes (libsodium) before anything leaves the workbench; the salt is never recorded. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/xmalloc.h"

static const struct cmd_opt anonymize_opts[] = {
	{ "salt", OPT_STR, NULL, 0, -1, NULL,
	  "secret text the key is derived from (same salt, same ids); it is never shown or recorded" },
	{ "salt-file", OPT_PATH, NULL, 0, -1, NULL,
	  "read the salt from the first line of this file (keeps it out of the terminal and readline history)" },
	{ "key", OPT_STR, NULL, 0, -1, NULL,
	  "#N: the key of an earlier anonymize in this session (what the pipeline records to replay the step)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static const struct cmd_field anonymize_fields[] = {
	{ "users", "user ids replaced" },
	{ "creators", "creator ids replaced" },
	{ "friend_lists", "whether the user table's friend_list ids were replaced too" },
	{ "key", "where the key came from: salt, salt-file, random, or the session's key #N (never the key or salt)" },
	{ "recorded_as", "the command the pipeline keeps for this step" },
	{ NULL, NULL }
};

/* Keys of this session's anonymize steps, for replaying them (undo); they
 * live in memory only. */
#define MAX_KEYS 64
static unsigned char keys[MAX_KEYS][RS_ANON_KEYBYTES];
static size_t nkeys;

static enum cmd_ret
cmd_anonymize_exec(struct session *s, struct cmd_call *c, struct report *r)
{
	rs_dataset *ds = session_data(s), *out;
	struct rnode *root = report_root(r);
	const char *salt = call_get(c, "salt"), *file = call_get(c, "salt-file");
	const char *kref = call_get(c, "key"), *source;
	unsigned char key[RS_ANON_KEYBYTES];
	char line[1024], recorded[64];
	size_t slot;
	rs_error err;

	if (ds == NULL)
		return CMD_ERROR;
	if (salt != NULL && strcmp(salt, "***") == 0)
		return cmd_error(s, "anonymize: salt=*** is how history and echo hide a salt; type the salt itself (or use salt-file=FILE)");
	if ((salt != NULL) + (file != NULL) + (kref != NULL) > 1)
		return cmd_error(s, "anonymize: give one of salt=, salt-file= and key=");
	if (kref != NULL) {
		char *end;
		unsigned long n = kref[0] == '#' ? strtoul(kref + 1, &end, 10) : 0;
		if (kref[0] != '#' || end == kref + 1 || *end != '\0' || n == 0 || n > nkeys)
			return cmd_error(s, "anonymize: key=%s: no such key in this session (keys live only in the session that made them; run anonymize salt-file=FILE again)",
			    kref);
		memcpy(key, keys[n - 1], sizeof key);
		slot = n - 1;
		source = "session key";
	} else {
		if (file != NULL) {
			FILE *f = fopen(file, "r");
			size_t len;
			if (f == NULL)
				return cmd_error(s, "anonymize: cannot read %s: %s", file, strerror(errno));
			if (fgets(line, sizeof line, f) == NULL)
				line[0] = '\0';
			fclose(f);
			len = strcspn(line, "\r\n");
			line[len] = '\0';
			if (len == 0)
				return cmd_error(s, "anonymize: %s: the first line (the salt) is empty", file);
			salt = line;
		} else if (salt != NULL && salt[0] == '\0')
			return cmd_error(s, "anonymize: salt= is empty (leave it out for a random key)");
		if (nkeys == MAX_KEYS)
			return cmd_error(s, "anonymize: at most %d anonymize steps per session", MAX_KEYS);
		if (rs_anon_key(salt, key, &err) != 0)
			return cmd_error(s, "anonymize: %s", err.msg);
		slot = nkeys;
		source = file != NULL ? "salt-file" : salt != NULL ? "salt" : "random";
	}
	out = rs_anonymize(ds, key, &err);
	rs_anon_wipe(line, sizeof line);
	if (out == NULL) {
		rs_anon_wipe(key, sizeof key);
		return cmd_error(s, "anonymize: %s", err.msg);
	}
	if (slot == nkeys)
		memcpy(keys[nkeys++], key, sizeof key);
	rs_anon_wipe(key, sizeof key);
	rn_int(root, "users", rs_ids_count(out->users));
	rn_int(root, "creators", out->creators ? rs_ids_count(out->creators) : 0);
	rn_label(rn_bool(root, "friend_lists", rs_table_find(&out->user_tbl, "friend_list") >= 0),
	    "friend lists");
	rn_str(root, "key", source);
	/* the pipeline keeps a reference to the key, never the salt */
	snprintf(recorded, sizeof recorded, "anonymize key=#%zu", slot + 1);
	rn_label(rn_str(root, "recorded_as", recorded), "recorded as");
	if (strcmp(source, "random") == 0)
		report_note(r, "a random key: the new ids cannot be reproduced outside this session");
	/* the anonymised data is the new starting point, so no state with the
	 * raw ids stays behind for save or undo; the script that made it is
	 * kept as its source, with the key by reference */
	{
		rs_workspace *ws = s->ws;
		const char *from = rs_workspace_source(ws) ? rs_workspace_source(ws) : "";
		size_t len = strlen(from) + strlen(recorded) + 3;
		char *src;
		for (size_t i = 0; i < rs_workspace_nsteps(ws); i++)
			len += strlen(rs_workspace_step(ws, i)->command) + 2;
		src = xmalloc(len);
		snprintf(src, len, "%s", from);
		for (size_t i = 0; i < rs_workspace_nsteps(ws); i++) {
			strcat(src, "; ");
			strcat(src, rs_workspace_step(ws, i)->command);
		}
		strcat(src, "; ");
		strcat(src, recorded);
		if (rs_workspace_nsteps(ws) > 0 || rs_workspace_features(ws) != NULL)
			report_note(r, "the anonymised data starts a new pipeline: undo cannot go back to the raw ids");
		session_set_base(s, out, src);
		free(src);
	}
	return CMD_OK;
}

const struct cmd_entry cmd_anonymize_entry = {
	.name = "anonymize",
	.usage = "[salt=TEXT | salt-file=FILE]",
	.help = "replace user and creator ids by keyed hashes before exporting anything",
	.doc = "Replaces every user id and creator id (also the creator column and the user "
	    "table's friend lists) by \"u\" or \"c\" and 16 hex digits of BLAKE2b keyed with a "
	    "32-byte key (libsodium crypto_generichash, over \"user:ID\" or \"creator:ID\"). The key "
	    "is BLAKE2b of the salt, so the same salt gives the same ids; without a salt it is "
	    "random and the mapping cannot be reproduced. Indices stay, so models, splits and "
	    "trained models keep working. The anonymised data becomes the new starting point: "
	    "nothing with the raw ids stays in the workspace (save writes none; undo cannot go "
	    "back past it; evaluation results are dropped, as after any change of the data). The "
	    "salt never appears in output, history, the pipeline or a saved workspace: the source "
	    "is recorded as the earlier script followed by anonymize key=#N, a key kept in memory "
	    "for this session only (another session must anonymize again). "
	    "salt-file= also keeps the salt out of the terminal and the readline history.",
	.args = ARG_NONE,
	.min_args = 0,
	.max_args = 0,
	.opts = anonymize_opts,
	.fields = anonymize_fields,
	.exec = cmd_anonymize_exec,
};
