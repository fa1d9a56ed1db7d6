/* Command results as a tree, rendered as aligned text or as one JSON object per line. */
#ifndef RS_REPORT_H
#define RS_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum rnode_type { RN_OBJECT, RN_ARRAY, RN_STRING, RN_INT, RN_NUM, RN_BOOL,
	RN_NULL };

/* Display hints for the text rendering. */
enum {
	RF_TABLE = 1,		/* array of objects shown as an aligned table */
	RF_TEXT_HIDE = 2,	/* JSON only */
	RF_PERCENT = 4,		/* number shown as a percentage in text */
	RF_INLINE = 8,		/* object shown on one line: "label: k v, k v" */
	RF_TIME = 16,		/* number is a time (seconds since the epoch) */
	RF_EXACT = 32,		/* number shown in full (shortest exact form) */
	RF_DATE = 64,		/* with RF_TIME: whole days, shown as dates */
	RF_JSON_HIDE = 128,	/* text only (a table rendering JSON carries as
				   plain fields) */
	RF_WHOLE_SECONDS = 256	/* with RF_TIME: text drops the milliseconds
				   (a summary's bounds; JSON keeps them) */
};

struct rnode {
	enum rnode_type type;
	char *key;		/* JSON key (NULL inside arrays) */
	char *label;		/* text label (NULL: the key) */
	unsigned flags;
	int prec;		/* significant digits in text (0: default 4) */
	union {
		char *s;
		int64_t i;
		double d;
		bool b;
	} v;
	struct rnode **kids;
	size_t nkids;
};

struct report {
	const char *command;
	struct rnode *root;
	char **notes;		/* prose lines shown before the fields */
	size_t nnotes;
	char **warnings;
	size_t nwarnings;
};

struct report *report_new(const char *command);
void report_free(struct report *r);

/* Add a child to obj (NULL = the root); returns the new node. */
struct rnode *rn_str(struct rnode *obj, const char *key, const char *s);
struct rnode *rn_int(struct rnode *obj, const char *key, int64_t i);
struct rnode *rn_num(struct rnode *obj, const char *key, double d);
struct rnode *rn_bool(struct rnode *obj, const char *key, bool b);
struct rnode *rn_null(struct rnode *obj, const char *key);
struct rnode *rn_obj(struct rnode *obj, const char *key);
struct rnode *rn_arr(struct rnode *obj, const char *key);
/* Set the text label / flags / precision of a node; returns it. */
struct rnode *rn_label(struct rnode *n, const char *label);
struct rnode *rn_flags(struct rnode *n, unsigned flags);
struct rnode *rn_prec(struct rnode *n, int prec);
struct rnode *report_root(struct report *r);

void report_note(struct report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void report_warn(struct report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Render. Text goes to out (warnings to err); JSON is one line on out. */
void report_print_text(const struct report *r, FILE *out, FILE *err);
void report_print_json(const struct report *r, FILE *out, bool ok,
    const char *error);
/* Format a number for text output (thousands separators for integers). */
void fmt_int(int64_t v, char *buf, size_t size);
void fmt_num(double x, int prec, char *buf, size_t size);

#endif
