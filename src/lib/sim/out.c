/* Output for the simulator: buffered file writes (plain or gzip) and fast CSV field formatting. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "sim.h"
#include "util/text.h"
#include "util/xmalloc.h"

#define OUTBUF ((size_t)1 << 20)

int
sim_out_open(struct out *o, const char *dir, const char *name, bool gz,
    rs_error *err)
{
	char *path = xasprintf("%s/%s%s", dir, name, gz ? ".gz" : "");

	memset(o, 0, sizeof *o);
	o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (o->fd < 0) {
		rs_error_set(err, RS_EIO, "cannot create %s: %s", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	o->path = path;
	if (gz) {
		/* zlib writes no time stamp into the header: same bytes each run */
		o->gz = gzdopen(o->fd, "wb6");
		if (o->gz == NULL) {
			rs_error_set(err, RS_EIO, "cannot create %s", path);
			close(o->fd);
			free(path);
			o->path = NULL;
			return -1;
		}
	}
	o->cap = OUTBUF;
	o->buf = xmalloc(o->cap);
	return 0;
}

static void
out_flush(struct out *o)
{
	size_t off = 0;

	if (o->len == 0 || o->failed)
		return;
	if (o->gz != NULL) {
		if (gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len)
			o->failed = EIO;
	} else {
		while (off < o->len) {
			ssize_t n = write(o->fd, o->buf + off, o->len - off);
			if (n < 0) {
				if (errno == EINTR)
					continue;
				o->failed = errno;
				break;
			}
			off += (size_t)n;
		}
	}
	o->bytes += o->len;
	o->len = 0;
}

void
sim_out_write(struct out *o, const char *s, size_t n)
{
	if (o->len + n > o->cap)
		out_flush(o);
	if (n > o->cap) {
		o->cap = n;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void
sim_out_puts(struct out *o, const char *s)
{
	sim_out_write(o, s, strlen(s));
}

int
sim_out_close(struct out *o, uint64_t *bytes, rs_error *err)
{
	int rc = 0;

	out_flush(o);
	if (bytes != NULL)
		*bytes += o->bytes;
	if (o->gz != NULL) {
		if (gzclose(o->gz) != Z_OK && !o->failed)
			o->failed = EIO;
	} else {
		if (close(o->fd) != 0 && !o->failed)
			o->failed = errno;
	}
	if (o->failed) {
		rs_error_set(err, RS_EIO, "cannot write %s: %s", o->path,
		    strerror(o->failed));
		rc = -1;
	}
	free(o->buf);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}

void
sim_tb_grow(struct tbuf *t, size_t more)
{
	t->cap = util_grow_capacity(t->cap, t->len + more);
	t->s = xrealloc(t->s, t->cap);
}

void
sim_tb_str(struct tbuf *t, const char *s)
{
	tb_add(t, s, strlen(s));
}


static const char digits2[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void
sim_tb_u64(struct tbuf *t, uint64_t v)
{
	char tmp[24], *p = tmp + sizeof tmp;

	/* two digits at a time */
	while (v >= 100) {
		unsigned d = (unsigned)(v % 100) * 2;
		v /= 100;
		*--p = digits2[d + 1];
		*--p = digits2[d];
	}
	if (v >= 10) {
		*--p = digits2[v * 2 + 1];
		*--p = digits2[v * 2];
	} else
		*--p = (char)('0' + v);
	tb_add(t, p, (size_t)(tmp + sizeof tmp - p));
}

void
sim_tb_i64(struct tbuf *t, int64_t v)
{
	if (v < 0) {
		tb_chr(t, '-');
		sim_tb_u64(t, (uint64_t)0 - (uint64_t)v);
	} else
		sim_tb_u64(t, (uint64_t)v);
}

void
sim_tb_fixed(struct tbuf *t, double x, int dec)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9 };
	static const uint64_t i10[] = { 1, 10, 100, 1000, 10000, 100000,
		1000000, 10000000, 100000000, 1000000000 };
	int64_t v = llround(x * p10[dec]);
	uint64_t a;
	char tmp[8];

	if (v < 0) {
		tb_chr(t, '-');
		a = (uint64_t)0 - (uint64_t)v;
	} else
		a = (uint64_t)v;
	sim_tb_u64(t, a / i10[dec]);
	if (dec > 0) {
		uint64_t f = a % i10[dec];
		tb_chr(t, '.');
		for (int k = dec - 1; k >= 0; k--) {
			tmp[k] = (char)('0' + f % 10);
			f /= 10;
		}
		tb_add(t, tmp, (size_t)dec);
	}
}

static void
put2(struct tbuf *t, unsigned v)
{
	tb_reserve(t, 2);
	t->s[t->len++] = (char)('0' + v / 10 % 10);
	t->s[t->len++] = (char)('0' + v % 10);
}

/* Beijing local time of ms: day number and milliseconds into the day. */
static void
local_bj(int64_t ms, int64_t *day, int64_t *tod)
{
	int64_t l = ms + 8 * 3600000LL;

	*day = l >= 0 ? l / 86400000 : -((-l + 86399999) / 86400000);
	*tod = l - *day * 86400000;
}

void
sim_tb_day_bj(struct tbuf *t, int64_t ms)
{
	int64_t day, tod;
	int y;
	unsigned m, d;

	local_bj(ms, &day, &tod);
	if (!t->has_day || t->day != day) {
		/* rows come in time order: the day's text is reused */
		util_civil_from_days(day, &y, &m, &d);
		y = y < 0 ? 0 : y > 9999 ? 9999 : y;
		t->daytext[0] = (char)('0' + y / 1000);
		t->daytext[1] = (char)('0' + y / 100 % 10);
		t->daytext[2] = (char)('0' + y / 10 % 10);
		t->daytext[3] = (char)('0' + y % 10);
		t->daytext[4] = '-';
		t->daytext[5] = (char)('0' + m / 10);
		t->daytext[6] = (char)('0' + m % 10);
		t->daytext[7] = '-';
		t->daytext[8] = (char)('0' + d / 10);
		t->daytext[9] = (char)('0' + d % 10);
		t->daytext[10] = '\0';
		t->day = day;
		t->has_day = true;
	}
	tb_add(t, t->daytext, 10);
}

void
sim_tb_time_bj(struct tbuf *t, int64_t ms)
{
	int64_t day, tod;

	local_bj(ms, &day, &tod);
	sim_tb_day_bj(t, ms);
	tb_chr(t, ' ');
	put2(t, (unsigned)(tod / 3600000));
	tb_chr(t, ':');
	put2(t, (unsigned)(tod / 60000 % 60));
	tb_chr(t, ':');
	put2(t, (unsigned)(tod / 1000 % 60));
	tb_chr(t, '.');
	tb_chr(t, (char)('0' + tod / 100 % 10));
	put2(t, (unsigned)(tod % 100));
}

void
sim_tb_date_bj(struct tbuf *t, int64_t ms)
{
	char text[8];

	sim_tb_day_bj(t, ms);	/* the cached "YYYY-MM-DD", rewritten as YYYYMMDD */
	t->len -= 10;
	memcpy(text, t->daytext, 4);
	memcpy(text + 4, t->daytext + 5, 2);
	memcpy(text + 6, t->daytext + 8, 2);
	tb_add(t, text, 8);
}

void
sim_tb_field(struct tbuf *t, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		sim_tb_str(t, s);
		return;
	}
	tb_chr(t, '"');
	for (; *s; s++) {
		if (*s == '"')
			tb_chr(t, '"');
		tb_chr(t, *s);
	}
	tb_chr(t, '"');
}
