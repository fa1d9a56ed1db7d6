/* The tokenizer: UTF-8 text to lower-cased words, CJK bigrams and hashtags, without stop words. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/text.h"
#include "util/xmalloc.h"

/* Stop words, sorted by bytes (the unit test checks the order and that
 * every one is found).
 * Short on purpose: TF-IDF already weighs common words down. */
const char *const feat_stop_en[] = {
	"a", "about", "after", "again", "all", "also", "am", "amp", "an", "and",
	"any", "are", "as", "at", "be", "been", "before", "being", "but", "by",
	"can", "com", "could", "did", "do", "does", "doing", "dont", "down",
	"for", "from", "get", "got", "had", "has", "have", "he", "her", "here",
	"him", "his", "how", "http", "https", "i", "if", "im", "in", "into",
	"is", "it", "its", "just", "me", "more", "most", "my", "no", "not",
	"now", "of", "off", "on", "once", "only", "or", "other", "our", "out",
	"over", "own", "she", "so", "some", "such", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "this", "those",
	"to", "too", "up", "us", "very", "via", "vs", "was", "we", "were",
	"what", "when", "where", "which", "while", "who", "why", "will",
	"with", "www", "you", "your"
};
const size_t feat_nstop_en = sizeof feat_stop_en / sizeof feat_stop_en[0];

const char *const feat_stop_zh[] = {
	"一下", "一个", "一些", "一样", "一次", "不是", "个", "么", "之", "也", "了", "什么",
	"今天", "他", "他们", "但", "但是", "你", "你们", "其实", "又", "只", "可以", "和",
	"在", "太", "她", "她们", "如果", "它", "对", "就", "就是", "已经", "很", "怎么", "我",
	"我们", "或", "或者", "所以", "把", "是", "有", "有点", "没有", "然后", "现在", "的",
	"真的", "给", "自己", "被", "让", "还", "还是", "这", "这个", "这么", "这些", "这样",
	"那", "那个", "那么", "都"
};
const size_t feat_nstop_zh = sizeof feat_stop_zh / sizeof feat_stop_zh[0];

/* Particles that end a CJK run: they glue phrases, they are not words. */
static bool
is_particle(uint32_t cp)
{
	switch (cp) {
	case 0x7684:	/* 的 */
	case 0x4E86:	/* 了 */
	case 0x5417:	/* 吗 */
	case 0x5462:	/* 呢 */
	case 0x5427:	/* 吧 */
	case 0x554A:	/* 啊 */
	case 0x5440:	/* 呀 */
	case 0x561B:	/* 嘛 */
	case 0x54E6:	/* 哦 */
	case 0x5457:	/* 呗 */
		return true;
	}
	return false;
}

/* The stop words of both lists in an open-addressing hash set, built once:
 * a lookup is one hash and a compare or two (bsearch was a tenth of the
 * tokenizer's time). */
#define STOP_SLOTS 512
#define STOP_MAXLEN 16
static const char *stop_set[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static void
stop_insert(const char *w)
{
	size_t j = util_hash_bytes(w, strlen(w)) & (STOP_SLOTS - 1);

	while (stop_set[j] != NULL)
		j = (j + 1) & (STOP_SLOTS - 1);
	stop_set[j] = w;
}

static void
stop_init(void)
{
	for (size_t i = 0; i < feat_nstop_en; i++)
		stop_insert(feat_stop_en[i]);
	for (size_t i = 0; i < feat_nstop_zh; i++)
		stop_insert(feat_stop_zh[i]);
}

bool
rs_is_stopword(const char *tok, size_t len)
{
	size_t j;

	if (len == 0 || len > STOP_MAXLEN)
		return false;
	pthread_once(&stop_once, stop_init);
	j = util_hash_bytes(tok, len) & (STOP_SLOTS - 1);
	while (stop_set[j] != NULL) {
		if (strncmp(stop_set[j], tok, len) == 0 && stop_set[j][len] == '\0')
			return true;
		j = (j + 1) & (STOP_SLOTS - 1);
	}
	return false;
}

void
rs_tokens_init(rs_tokens *t)
{
	memset(t, 0, sizeof *t);
}

void
rs_tokens_reset(rs_tokens *t)
{
	t->n = 0;
	t->len = 0;
}

void
rs_tokens_free(rs_tokens *t)
{
	free(t->buf);
	free(t->off);
	memset(t, 0, sizeof *t);
}

const char *
rs_tokens_get(const rs_tokens *t, size_t i)
{
	return i < t->n ? t->buf + t->off[i] : NULL;
}

static void
tokens_push(rs_tokens *t, const char *s, size_t len)
{
	if (t->len + len + 1 > t->cap) {
		t->cap = util_grow_capacity(t->cap, t->len + len + 1);
		t->buf = xrealloc(t->buf, t->cap);
	}
	if (t->n + 1 > t->ncap) {
		t->ncap = util_grow_capacity(t->ncap, t->n + 1);
		t->off = xreallocarray(t->off, t->ncap, sizeof *t->off);
	}
	t->off[t->n++] = t->len;
	memcpy(t->buf + t->len, s, len);
	t->len += len;
	t->buf[t->len++] = '\0';
}

/* Decode one code point at s[*i]; -1 (and one byte consumed) when the bytes
 * are not valid UTF-8: overlong forms, surrogates and values past U+10FFFF
 * included. */
static int32_t
utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	unsigned char c = s[*i];
	uint32_t cp, min;
	size_t n;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 1, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3, cp = c & 0x07, min = 0x10000;
	} else {
		(*i)++;
		return -1;
	}
	if (*i + n >= len) {
		(*i)++;
		return -1;
	}
	for (size_t k = 1; k <= n; k++) {
		if ((s[*i + k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		cp = cp << 6 | (s[*i + k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		(*i)++;
		return -1;
	}
	*i += n + 1;
	return (int32_t)cp;
}

enum cls { C_SEP, C_WORD, C_CJK, C_HASH, C_JOIN, C_UNDER };

static bool
is_cjk(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB) ||
	    (cp >= 0x31F0 && cp <= 0x31FF) || cp == 0x3005;
}

/* Letters of alphabetic scripts (and combining marks, which stay with
 * their letter); everything else outside ASCII separates. */
static bool
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) - 'a' < 26 || cp - '0' < 10;
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x250 && cp <= 0x36F) ||		/* IPA, combining marks */
	    (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E && cp != 0x387) ||
	    (cp >= 0x400 && cp <= 0x52F) ||		/* Cyrillic */
	    (cp >= 0x531 && cp <= 0x587) ||		/* Armenian */
	    (cp >= 0x5D0 && cp <= 0x5EA) ||		/* Hebrew */
	    (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x660 && cp <= 0x669) ||
	    (cp >= 0x900 && cp <= 0xDFF) ||		/* Indic */
	    (cp >= 0xE01 && cp <= 0xE4E) ||		/* Thai */
	    (cp >= 0x1100 && cp <= 0x11FF) ||		/* Hangul jamo */
	    (cp >= 0x1E00 && cp <= 0x1FFF) ||		/* Latin ext., Greek ext. */
	    (cp >= 0xAC00 && cp <= 0xD7A3);		/* Hangul syllables */
}

/* Fullwidth ASCII (Ａ, ＃, １) to ASCII; the ideographic space to a space. */
static uint32_t
narrow(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

static enum cls
classify(uint32_t cp)
{
	if (cp == '#')
		return C_HASH;
	if (cp == '\'' || cp == 0x2019)
		return C_JOIN;
	if (cp == '_')
		return C_UNDER;
	if (is_letter(cp))
		return C_WORD;
	if (is_cjk(cp))
		return C_CJK;
	return C_SEP;
}

/* Simple lower-casing for Latin-1, Latin Extended-A, Greek and Cyrillic. */
static uint32_t
lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp - 'A' < 26 ? cp + 32 : cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x130)
			return 'i';
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return cp & 1 ? cp + 1 : cp;
		if (cp == 0x178)
			return 0xFF;
		if (cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F)
			return cp & 1 ? cp : cp + 1;
		return cp;
	}
	if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

static size_t
put_utf8(char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (char)(0xC0 | cp >> 6);
		p[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (char)(0xE0 | cp >> 12);
		p[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		p[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | cp >> 18);
	p[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	p[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	p[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Classes of the ASCII characters, for the fast path. */
static const unsigned char ascii_cls[128] = {
	['0'] = C_WORD, ['1'] = C_WORD, ['2'] = C_WORD, ['3'] = C_WORD,
	['4'] = C_WORD, ['5'] = C_WORD, ['6'] = C_WORD, ['7'] = C_WORD,
	['8'] = C_WORD, ['9'] = C_WORD,
	['A'] = C_WORD, ['B'] = C_WORD, ['C'] = C_WORD, ['D'] = C_WORD,
	['E'] = C_WORD, ['F'] = C_WORD, ['G'] = C_WORD, ['H'] = C_WORD,
	['I'] = C_WORD, ['J'] = C_WORD, ['K'] = C_WORD, ['L'] = C_WORD,
	['M'] = C_WORD, ['N'] = C_WORD, ['O'] = C_WORD, ['P'] = C_WORD,
	['Q'] = C_WORD, ['R'] = C_WORD, ['S'] = C_WORD, ['T'] = C_WORD,
	['U'] = C_WORD, ['V'] = C_WORD, ['W'] = C_WORD, ['X'] = C_WORD,
	['Y'] = C_WORD, ['Z'] = C_WORD,
	['a'] = C_WORD, ['b'] = C_WORD, ['c'] = C_WORD, ['d'] = C_WORD,
	['e'] = C_WORD, ['f'] = C_WORD, ['g'] = C_WORD, ['h'] = C_WORD,
	['i'] = C_WORD, ['j'] = C_WORD, ['k'] = C_WORD, ['l'] = C_WORD,
	['m'] = C_WORD, ['n'] = C_WORD, ['o'] = C_WORD, ['p'] = C_WORD,
	['q'] = C_WORD, ['r'] = C_WORD, ['s'] = C_WORD, ['t'] = C_WORD,
	['u'] = C_WORD, ['v'] = C_WORD, ['w'] = C_WORD, ['x'] = C_WORD,
	['y'] = C_WORD, ['z'] = C_WORD,
	['#'] = C_HASH, ['\''] = C_JOIN, ['_'] = C_UNDER
};

/* A decoded character: code point (narrowed) and where its bytes are. */
struct ch {
	uint32_t cp;
	enum cls cls;
	size_t at, end;
};

/* The tokenizer's cursor over the text. */
struct scan {
	const unsigned char *s;
	size_t len, i;
	struct ch cur;		/* the character at i (cls C_SEP past the end) */
	bool done;
};

static void
scan_advance(struct scan *sc)
{
	int32_t cp;

	if (sc->i >= sc->len) {
		sc->done = true;
		sc->cur.cls = C_SEP;
		sc->cur.at = sc->cur.end = sc->len;
		return;
	}
	sc->cur.at = sc->i;
	if (sc->s[sc->i] < 0x80) {
		/* ASCII: most of most captions */
		cp = sc->s[sc->i++];
		sc->cur.end = sc->i;
		sc->cur.cp = (uint32_t)cp;
		sc->cur.cls = ascii_cls[cp];
		return;
	}
	cp = utf8_next(sc->s, sc->len, &sc->i);
	sc->cur.end = sc->i;
	if (cp < 0) {
		sc->cur.cp = 0xFFFD;
		sc->cur.cls = C_SEP;
		return;
	}
	sc->cur.cp = narrow((uint32_t)cp);
	sc->cur.cls = classify(sc->cur.cp);
}

/* The class of the character after the current one, without moving. */
static enum cls
scan_peek(const struct scan *sc)
{
	size_t i = sc->i;
	int32_t cp;

	if (i >= sc->len)
		return C_SEP;
	cp = utf8_next(sc->s, sc->len, &i);
	return cp < 0 ? C_SEP : classify(narrow((uint32_t)cp));
}

/* Emit a token unless it is too long, a stop word or only digits. */
static size_t
emit(rs_tokens *out, const char *tok, size_t len, unsigned flags, size_t skip)
{
	bool digits = true;

	if (len == skip || len > RS_TOKEN_MAX)
		return 0;
	for (size_t k = skip; k < len && digits; k++)
		digits = tok[k] >= '0' && tok[k] <= '9';
	if (digits)
		return 0;
	if (!(flags & RS_TOK_KEEP_STOPWORDS) && rs_is_stopword(tok + skip, len - skip))
		return 0;
	tokens_push(out, tok, len);
	return 1;
}

/* Add a character to a token buffer, lower-cased (tok holds RS_TOKEN_MAX
 * bytes plus room for one more character; longer tokens are only counted). */
static void
tok_add(char *tok, size_t *n, uint32_t cp)
{
	if (*n <= RS_TOKEN_MAX)
		*n += put_utf8(tok + *n, lower(cp));
	else
		*n += 1;
}

/* Bigrams (or the unigram) of a CJK run of n characters at cps. */
static size_t
emit_cjk_run(rs_tokens *out, const uint32_t *cps, size_t n, unsigned flags)
{
	char tok[16];
	size_t added = 0, k;

	if (n == 1) {
		k = put_utf8(tok, cps[0]);
		return emit(out, tok, k, flags, 0);
	}
	for (size_t j = 0; j + 1 < n; j++) {
		k = put_utf8(tok, cps[j]);
		k += put_utf8(tok + k, cps[j + 1]);
		added += emit(out, tok, k, flags, 0);
	}
	return added;
}

size_t
rs_tokenize(const char *text, size_t len, unsigned flags, rs_tokens *out)
{
	struct scan sc = { (const unsigned char *)text, len, 0, { 0 }, false };
	char tok[RS_TOKEN_MAX + 8];
	uint32_t run[64];
	size_t added = 0, n, nrun;

	if (text == NULL)
		return 0;
	scan_advance(&sc);
	while (!sc.done) {
		switch (sc.cur.cls) {
		case C_HASH: {
			enum cls next = scan_peek(&sc);
			if (next != C_WORD && next != C_CJK && next != C_UNDER) {
				scan_advance(&sc);
				break;
			}
			/* the whole tag: letters, digits, CJK, underscores */
			tok[0] = '#';
			n = 1;
			scan_advance(&sc);
			while (sc.cur.cls == C_WORD || sc.cur.cls == C_CJK ||
			    sc.cur.cls == C_UNDER) {
				tok_add(tok, &n, sc.cur.cp);
				scan_advance(&sc);
			}
			if (sc.cur.cls == C_HASH)
				scan_advance(&sc);	/* a closing "#": #话题# */
			added += emit(out, tok, n, flags, 1);
			break;
		}
		case C_WORD:
			n = 0;
			for (;;) {
				if (sc.cur.cls == C_WORD)
					tok_add(tok, &n, sc.cur.cp);
				else if (sc.cur.cls != C_JOIN || scan_peek(&sc) != C_WORD)
					break;
				scan_advance(&sc);
			}
			added += emit(out, tok, n, flags, 0);
			break;
		case C_CJK:
			/* runs longer than the buffer go out in overlapping pieces */
			nrun = 0;
			while (sc.cur.cls == C_CJK && !is_particle(sc.cur.cp)) {
				if (nrun == sizeof run / sizeof run[0]) {
					added += emit_cjk_run(out, run, nrun, flags);
					run[0] = run[nrun - 1];
					nrun = 1;
				}
				run[nrun++] = sc.cur.cp;
				scan_advance(&sc);
			}
			if (nrun > 0)
				added += emit_cjk_run(out, run, nrun, flags);
			else
				scan_advance(&sc);	/* a particle */
			break;
		default:
			scan_advance(&sc);
			break;
		}
	}
	return added;
}
