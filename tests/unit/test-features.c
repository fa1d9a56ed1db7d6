/* Unit tests of the tokenizer, TF-IDF, the item feature matrix, profiles and naive Bayes against hand-computed figures. */
#include "config.h"

#include "loadfix.h"

#include "reelscope/classify.h"
#include "reelscope/features.h"
#include "feature/feature.h"
#include "util/random.h"
#include "util/text.h"

#ifdef _OPENMP
#include <omp.h>
#endif

#define TOL 1e-6

/* Tokenize text and compare with the expected tokens, joined by "|". */
static void
expect_tokens(const char *text, size_t len, unsigned flags, const char *want,
    int line)
{
	rs_tokens t;
	char got[1024] = "";

	rs_tokens_init(&t);
	rs_tokenize(text, len, flags, &t);
	for (size_t i = 0; i < t.n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s",
		    i ? "|" : "", rs_tokens_get(&t, i));
	check_count++;
	if (strcmp(got, want) != 0) {
		check_failures++;
		fprintf(stderr, "%s:%d: tokens \"%s\", expected \"%s\"\n", __FILE__,
		    line, got, want);
	}
	rs_tokens_free(&t);
}
#define TOKENS(text, want) expect_tokens(text, strlen(text), 0, want, __LINE__)

static void
test_tokenizer(void)
{
	char buf[512];
	rs_tokens t;

	/* Latin: lower case, punctuation splits, apostrophes join, stop words go */
	TOKENS("Hello, World! Isn't it GREAT?", "hello|world|isnt|great");
	TOKENS("rock'n'roll -- state-of-the-art", "rocknroll|state|art");
	TOKENS("Café ÉCOLE Straße ΑΒΓ Привет", "café|école|straße|αβγ|привет");
	/* digits: alone dropped, inside words kept */
	TOKENS("iPhone12 256GB 2020 3.5 5G", "iphone12|256gb|5g");
	/* CJK: bigrams, a lone character stays, particles end runs */
	TOKENS("红烧肉", "红烧|烧肉");
	TOKENS("吃 a 饭", "吃|饭");
	TOKENS("今天真的好吃", "天真|好吃");
	TOKENS("太好吃了吧哈哈", "太好|好吃|哈哈");
	TOKENS("vlog日常分享", "vlog|日常|常分|分享");
	TOKENS("我们", "");
	TOKENS("ひらがなカナ", "ひら|らが|がな|なカ|カナ");
	/* hashtags whole, closing # ends them, stop words and numbers dropped */
	TOKENS("今天真的好吃 #美食", "天真|好吃|#美食");
	TOKENS("#Food #the #2020 #王者荣耀2 #my_day", "#food|#王者荣耀2|#my_day");
	TOKENS("#话题#后面 # lonely #", "#话题|后面|lonely");
	/* fullwidth forms and the ideographic space */
	TOKENS("ＡＢＣ１２３　测试，好的。", "abc123|测试|好");
	/* emoji and symbols separate */
	TOKENS("cats😺dogs ★ fun™", "cats|dogs|fun");
	/* invalid UTF-8: stray, truncated, overlong, surrogate, past U+10FFFF */
	TOKENS("ab\xff" "cd\xc3", "ab|cd");
	TOKENS("x\xc0\xafy \xed\xa0\x80z \xf4\x90\x80\x80w", "x|y|z|w");
	TOKENS("\xe7\xba", "");
	/* too long: dropped */
	memset(buf, 'a', 65);
	buf[65] = '\0';
	TOKENS(buf, "");
	buf[64] = '\0';
	expect_tokens(buf, 64, 0, buf, __LINE__);
	/* long CJK runs keep every bigram across the internal buffer */
	buf[0] = '\0';
	for (int i = 0; i < 70; i++)
		strcat(buf, i % 2 ? "好" : "吃");
	rs_tokens_init(&t);
	CHECK(rs_tokenize(buf, strlen(buf), RS_TOK_KEEP_STOPWORDS, &t) == 69);
	CHECK_STR(rs_tokens_get(&t, 64), "吃好");
	CHECK_STR(rs_tokens_get(&t, 65), "好吃");
	CHECK(rs_tokens_get(&t, 69) == NULL);
	rs_tokens_free(&t);
	/* keeping stop words */
	expect_tokens("The cat 的 我们", strlen("The cat 的 我们"),
	    RS_TOK_KEEP_STOPWORDS, "the|cat|我们", __LINE__);
	TOKENS("", "");
	CHECK(rs_tokenize(NULL, 0, 0, NULL) == 0);
	/* an embedded NUL separates */
	expect_tokens("ab\0cd", 5, 0, "ab|cd", __LINE__);
}

static void
test_stopwords(void)
{
	for (size_t i = 0; i < feat_nstop_en; i++) {
		CHECK(i == 0 || strcmp(feat_stop_en[i - 1], feat_stop_en[i]) < 0);
		CHECK(rs_is_stopword(feat_stop_en[i], strlen(feat_stop_en[i])));
	}
	for (size_t i = 0; i < feat_nstop_zh; i++) {
		CHECK(i == 0 || strcmp(feat_stop_zh[i - 1], feat_stop_zh[i]) < 0);
		CHECK(rs_is_stopword(feat_stop_zh[i], strlen(feat_stop_zh[i])));
	}
	CHECK(!rs_is_stopword("cat", 3));
	CHECK(!rs_is_stopword("美食", strlen("美食")));
	CHECK(rs_is_stopword("theory", 3));	/* by length */
}

/* Random bytes never crash the tokenizer (ASan/valgrind watch). */
static void
test_fuzz(void)
{
	uint64_t state = 42;
	unsigned char buf[257];
	rs_tokens t;
	size_t total = 0, bad = 0;

	rs_tokens_init(&t);
	for (int r = 0; r < 20000; r++) {
		size_t n = rnd_splitmix(&state) % 256;
		for (size_t i = 0; i < n; i++) {
			uint64_t x = rnd_splitmix(&state);
			/* bias towards UTF-8 lead and continuation bytes */
			buf[i] = (unsigned char)(x % 4 == 0 ? 0x80 | (x >> 8 & 0x3F) :
			    x % 4 == 1 ? 0xE0 | (x >> 8 & 0x0F) : x >> 8);
		}
		rs_tokens_reset(&t);
		rs_tokenize((const char *)buf, n, 0, &t);
		for (size_t i = 0; i < t.n; i++) {
			const char *s = rs_tokens_get(&t, i);
			total++;
			if (strlen(s) == 0 || strlen(s) > RS_TOKEN_MAX ||
			    util_utf8_valid_prefix(s, strlen(s)) != strlen(s)) {
				bad++;
				fprintf(stderr, "fuzz: bad token \"%s\"\n", s);
			}
		}
	}
	rs_tokens_free(&t);
	CHECK(total > 1000);
	CHECK(bad == 0);
}

/* The tiny world of the TF-IDF tests: four items, two users. */
static rs_dataset *
tiny(void)
{
	rs_load_opts o;
	rs_error err;
	rs_dataset *ds;

	write_file("log.csv",
	    "user,item,watch_ratio\n"
	    "u1,i1,2\n"
	    "u1,i2,0.5\n"
	    "u2,i3,1\n"
	    "u2,i4,\n");
	write_file("items.csv",
	    "item,caption,category,author,video_duration,upload_dt,video_width,video_height,video_type\n"
	    "i1,apple banana Apple!,fruit,a1,5,2020-07-01,720,1280,NORMAL\n"
	    "i2,Banana; cherry,fruit,a2,20,2020-07-03,1280,720,AD\n"
	    "i3,cherry cherry CHERRY,berry,a1,400,2020-07-05,720,720,NORMAL\n"
	    "i4,the of,,a2,,2020-07-05,,,NORMAL\n");
	rs_load_opts_init(&o);
	o.items_path = P("items.csv");
	o.creator = "author";
	ds = rs_dataset_load(P("log.csv"), &o, NULL, &err);
	if (ds == NULL) {
		fprintf(stderr, "tiny world: %s\n", err.msg);
		exit(99);
	}
	return ds;
}

/* Weight of term in item's TF-IDF row (0 when absent). */
static double
weight(const rs_features *f, const rs_dataset *ds, const char *item,
    const char *term)
{
	uint32_t i = id_of(ds->items, item);
	int64_t t = rs_features_find_term(f, term);

	if (i == UINT32_MAX || t < 0)
		return 0;
	for (uint64_t k = f->tfidf.ptr[i]; k < f->tfidf.ptr[i + 1]; k++)
		if (f->tfidf.col[k] == (uint32_t)t)
			return f->tfidf.val[k];
	return 0;
}

/* Value of the named feature column in item's row (0 when absent). */
static double
feature(const rs_features *f, const rs_dataset *ds, const char *item,
    const char *col)
{
	uint32_t i = id_of(ds->items, item);

	for (uint64_t k = f->x.ptr[i]; k < f->x.ptr[i + 1]; k++)
		if (strcmp(f->colnames[f->x.col[k]], col) == 0)
			return f->x.val[k];
	return 0;
}

static void
test_tfidf(void)
{
	rs_dataset *ds = tiny();
	rs_features_params p;
	rs_features *f;
	rs_error err;
	uint32_t term[4];
	float w[4];

	rs_features_params_init(&p);
	p.min_df = 1;
	p.max_df = 1;
	p.keywords = 3;
	f = rs_features_build(ds, &p, NULL, &err);
	if (f == NULL) {
		fprintf(stderr, "features: %s\n", err.msg);
		check_failures++;
		rs_dataset_free(ds);
		return;
	}
	CHECK(f->nitems == 4);
	CHECK(f->items_with_text == 3);	/* i4 has stop words only */
	CHECK(f->tokens == 8);
	CHECK_STR(f->text_cols, "caption");
	/* vocabulary by df, then bytes */
	CHECK(f->nterms == 3);
	CHECK_STR(f->terms[0], "banana");
	CHECK_STR(f->terms[1], "cherry");
	CHECK_STR(f->terms[2], "apple");
	CHECK(f->df[0] == 2 && f->df[1] == 2 && f->df[2] == 1);
	/* idf = ln((1 + 3) / (1 + df)) + 1 */
	CHECK_NEAR(f->idf[0], 1.2876820724517808, TOL);
	CHECK_NEAR(f->idf[2], 1.6931471805599454, TOL);
	/* i1: apple x2 -> (1 + ln 2) * idf, banana x1 -> idf; then L2 */
	CHECK_NEAR(weight(f, ds, "i1", "apple"), 0.9122016295971542, TOL);
	CHECK_NEAR(weight(f, ds, "i1", "banana"), 0.4097416099937816, TOL);
	CHECK_NEAR(weight(f, ds, "i2", "banana"), 0.7071067811865476, TOL);
	CHECK_NEAR(weight(f, ds, "i2", "cherry"), 0.7071067811865476, TOL);
	CHECK_NEAR(weight(f, ds, "i3", "cherry"), 1.0, TOL);
	CHECK(f->tfidf.ptr[4] - f->tfidf.ptr[3] == 0);	/* i4: empty row */
	CHECK(rs_csr_nnz(&f->tfidf) == 5);
	/* rows sorted by column */
	for (uint32_t i = 0; i < f->x.nrows; i++)
		for (uint64_t k = f->x.ptr[i] + 1; k < f->x.ptr[i + 1]; k++)
			CHECK(f->x.col[k - 1] < f->x.col[k]);
	/* top keywords of an item */
	CHECK(rs_features_item_keywords(f, id_of(ds->items, "i1"), 4, term, w) == 2);
	CHECK_STR(f->terms[term[0]], "apple");
	CHECK_STR(f->terms[term[1]], "banana");
	/* categories by items, then name; keywords from the mean row */
	CHECK(f->ncategories == 2);
	CHECK_STR(f->categories[0], "fruit");
	CHECK_STR(f->categories[1], "berry");
	CHECK(f->category_items[0] == 2);
	CHECK_STR(f->terms[f->category_kw[0]], "banana");
	CHECK_STR(f->terms[f->category_kw[1]], "apple");
	CHECK_STR(f->terms[f->category_kw[2]], "cherry");
	CHECK_NEAR(f->category_kw_weight[0], 0.5584241955901645, TOL);
	CHECK_NEAR(f->category_kw_weight[1], 0.4561008147985771, TOL);
	CHECK_STR(f->terms[f->category_kw[3]], "cherry");	/* berry */
	CHECK(f->category_kw[4] == RS_NONE);
	/* the other blocks */
	CHECK(f->ncols == 3 + 7 + 1 + 3 + 2 + 2);
	CHECK_STR(f->colnames[0], "text:banana");
	CHECK(f->duration_scale == 1);
	CHECK(feature(f, ds, "i1", "duration:<7s") == 1);
	CHECK(feature(f, ds, "i2", "duration:15-30s") == 1);
	CHECK(feature(f, ds, "i3", "duration:>=5min") == 1);
	CHECK_NEAR(feature(f, ds, "i1", "upload_age"), 1.0, TOL);
	CHECK_NEAR(feature(f, ds, "i2", "upload_age"), 0.5, TOL);
	CHECK(feature(f, ds, "i3", "upload_age") == 0);
	CHECK(feature(f, ds, "i1", "angle:portrait") == 1);
	CHECK(feature(f, ds, "i2", "angle:landscape") == 1);
	CHECK(feature(f, ds, "i3", "angle:square") == 1);
	CHECK(feature(f, ds, "i1", "category:fruit") == 1);
	CHECK(feature(f, ds, "i4", "category:fruit") == 0);
	CHECK(feature(f, ds, "i2", "video_type:AD") == 1);
	CHECK(feature(f, ds, "i4", "video_type:NORMAL") == 1);
	CHECK(f->x.ptr[4] - f->x.ptr[3] == 1);	/* i4: the type only (age 0) */
	CHECK(rs_features_block(f, RS_FB_CATEGORY)->first == 14);
	CHECK(rs_features_block(f, RS_FB_TAGS) == NULL);

	/* the user profile: 2 x i1 + 0.5 x i2 */
	{
		rs_profile pr;
		const rs_feature_block *cat = rs_features_block(f, RS_FB_CATEGORY);
		CHECK(rs_features_profile(f, ds, id_of(ds->users, "u1"), NULL, &pr,
		    &err) == 0);
		CHECK(pr.events == 2 && pr.used == 2);
		CHECK_NEAR(pr.weight, 2.5, TOL);
		CHECK_NEAR(pr.vec[2], 1.8244032591943085, TOL);	/* apple */
		CHECK_NEAR(pr.vec[0], 1.173036610580837, TOL);	/* banana */
		CHECK_NEAR(pr.vec[1], 0.35355339059327373, TOL);	/* cherry */
		CHECK_NEAR(pr.vec[cat->first], 2.5, TOL);
		CHECK(pr.ncreators == 2);
		CHECK_STR(rs_ids_name(ds->creators, pr.creator[0]), "a1");
		CHECK_NEAR(pr.creator_weight[0], 2, TOL);
		rs_profile_free(&pr);
		/* u2: i4 has no watch_ratio; count weighs both */
		CHECK(rs_features_profile(f, ds, id_of(ds->users, "u2"), NULL, &pr,
		    &err) == 0);
		CHECK(pr.events == 2 && pr.used == 1);
		rs_profile_free(&pr);
		CHECK(rs_features_profile(f, ds, id_of(ds->users, "u2"), "count",
		    &pr, &err) == 0);
		CHECK(pr.used == 2);
		CHECK_NEAR(pr.vec[1], 1.0, TOL);
		rs_profile_free(&pr);
		CHECK(rs_features_profile(f, ds, 0, "caption", &pr, &err) != 0);
		CHECK_STR(err.msg, "signal=caption: caption is not a column of the log (the weights come from the user's log rows)");
		CHECK(rs_features_profile(f, ds, 0, "nope", &pr, &err) != 0);
		CHECK_STR(err.msg, "signal=nope: no log column nope (a numeric log column such as watch_ratio, or count)");
		CHECK(rs_features_profile(f, ds, 99, NULL, &pr, &err) != 0);
	}
	rs_features_free(f);

	/* the cuts: min_df 2 drops apple, max_df 0.5 keeps only apple */
	p.min_df = 2;
	f = rs_features_build(ds, &p, NULL, &err);
	CHECK(f != NULL && f->nterms == 2 && f->dropped_rare == 1);
	CHECK(f != NULL && fabs(weight(f, ds, "i1", "banana") - 1.0) < TOL);
	rs_features_free(f);
	p.min_df = 1;
	p.max_df = 0.5;
	f = rs_features_build(ds, &p, NULL, &err);
	CHECK(f != NULL && f->nterms == 1 && f->dropped_common == 2);
	rs_features_free(f);
	p.max_df = 1;
	p.max_terms = 2;
	f = rs_features_build(ds, &p, NULL, &err);
	CHECK(f != NULL && f->nterms == 2 && f->dropped_max == 1);
	rs_features_free(f);

	/* bad parameters */
	rs_features_params_init(&p);
	f = rs_features_build(ds, &p, NULL, &err);
	CHECK(f == NULL);
	CHECK_STR(err.msg, "no terms left: 3 distinct terms in 3 items with text, each in fewer than min_df=2 items or more than max_df=0.5 of them (lower min_df= or raise max_df=)");
	p.text = "capton";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "text=capton: no item column capton (did you mean caption?)");
	p.text = "video_duration";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "text=video_duration: video_duration is an int column; text= needs a text column");
	p.text = "watch_ratio";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "text=watch_ratio: watch_ratio is a column of the log, not of the items");
	p.text = "caption,caption";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "text=caption,caption: caption is named twice");
	p.text = "caption,";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "text=caption,: an empty column name in the list");
	p.text = NULL;
	p.duration = "caption";
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "duration=caption: caption is a text column; duration= needs a numeric column");
	p.duration = NULL;
	p.max_df = 0;
	CHECK(rs_features_build(ds, &p, NULL, &err) == NULL);
	CHECK_STR(err.msg, "max_df must be a share of the items, above 0 and at most 1");
	rs_dataset_free(ds);
}

/* Naive Bayes on a corpus small enough to do by hand. Terms: 0 ball,
 * 1 goal, 2 cake, 3 sweet, 4 never seen; classes: 0 sport, 1 food. */
static void
test_nb(void)
{
	static const uint64_t ptr[] = { 0, 2, 3, 5, 6 };
	static const uint32_t term[] = { 0, 1, 1, 2, 3, 0 };
	static const uint32_t count[] = { 2, 1, 1, 1, 2, 9 };
	static const uint32_t label[] = { 0, 0, 1, 1 };
	static const uint8_t use[] = { 1, 1, 1, 0 };	/* the last one is held out */
	const uint32_t d1[] = { 0, 2 }, c1[] = { 1, 1 };
	const uint32_t d2[] = { 3 }, c2[] = { 1 };
	const uint32_t d3[] = { 4 }, c3[] = { 5 };
	double post[2];
	rs_nb m;
	rs_error err;

	CHECK(rs_nb_fit(&m, 2, 5, 4, ptr, term, count, label, use, 1.0, &err) == 0);
	CHECK(m.vocab == 4);
	CHECK_NEAR(m.log_prior[0], log(2.0 / 3), 1e-12);
	/* P(ball | sport) = (2 + 1) / (4 + 4), P(ball | food) = 1 / (3 + 4) */
	CHECK_NEAR(m.log_lik[0], log(3.0 / 8), 1e-12);
	CHECK_NEAR(m.log_lik[5 + 0], log(1.0 / 7), 1e-12);
	CHECK_NEAR(m.log_lik[5 + 3], log(3.0 / 7), 1e-12);
	/* ball + cake: 2/3 x 3/8 x 1/8 against 1/3 x 1/7 x 2/7 -> 147/211 */
	CHECK(rs_nb_predict(&m, d1, c1, 2, post) == 0);
	CHECK_NEAR(post[0], 147.0 / 211, 1e-12);
	CHECK_NEAR(post[1], 64.0 / 211, 1e-12);
	/* sweet: 2/3 x 1/8 against 1/3 x 3/7 -> food 12/19 */
	CHECK(rs_nb_predict(&m, d2, c2, 1, post) == 1);
	CHECK_NEAR(post[1], 12.0 / 19, 1e-12);
	/* an unseen term says nothing: the prior decides */
	CHECK(rs_nb_predict(&m, d3, c3, 1, post) == 0);
	CHECK_NEAR(post[0], 2.0 / 3, 1e-12);
	CHECK(rs_nb_predict(&m, NULL, NULL, 0, NULL) == 0);
	rs_nb_free(&m);
	/* alpha 0.5: P(ball | sport) = 2.5 / (4 + 2) */
	CHECK(rs_nb_fit(&m, 2, 5, 4, ptr, term, count, label, use, 0.5, &err) == 0);
	CHECK_NEAR(m.log_lik[0], log(2.5 / 6), 1e-12);
	rs_nb_free(&m);
	CHECK(rs_nb_fit(&m, 2, 5, 4, ptr, term, count, label, use, 0, &err) != 0);
	CHECK_STR(err.msg, "alpha must be above 0");
	{
		static const uint8_t none[] = { 0, 0, 0, 0 };
		CHECK(rs_nb_fit(&m, 2, 5, 4, ptr, term, count, label, none, 1, &err) != 0);
		CHECK_STR(err.msg, "no labelled documents to learn from");
	}
}

/* classify on a small labelled catalog, and its bad inputs. */
static void
test_classify(void)
{
	struct strbuf sb;
	rs_load_opts o;
	rs_classify_params p;
	rs_classify_result res;
	rs_dataset *ds, *filled;
	rs_error err;
	static const char *const words[2][4] = {
		{ "goal", "match", "team", "coach" },
		{ "recipe", "noodles", "spicy", "chef" } };

	sb_init(&sb);
	sb_puts(&sb, "item,caption,topic,nolabel,cat_id\n");
	for (int i = 0; i < 100; i++) {
		int c = i % 2;
		sb_printf(&sb, "v%d,%s %s %s,%s,,%s\n", i, words[c][i % 4],
		    words[c][(i / 4) % 4], i % 10 == 9 ? "today" : "great",
		    i >= 90 ? "" : c ? "food" : "sport", i >= 90 ? "" : c ? "2" : "1");
	}
	sb_putc(&sb, '\0');
	write_file("cat.csv", sb.s);
	sb_free(&sb);
	write_file("cat-log.csv", "user,item\nu1,v0\n");
	rs_load_opts_init(&o);
	o.items_path = P("cat.csv");
	ds = rs_dataset_load(P("cat-log.csv"), &o, NULL, &err);
	if (ds == NULL) {
		fprintf(stderr, "catalog: %s\n", err.msg);
		check_failures++;
		return;
	}
	rs_classify_params_init(&p);
	p.target = "topic";
	CHECK(rs_classify(ds, &p, &res, NULL, &err) == 0);
	CHECK(res.nclasses == 2);
	CHECK(res.labelled == 90 && res.unlabelled == 10);
	CHECK(res.test == 18 && res.train == 72);
	CHECK(res.correct == 18);
	CHECK_NEAR(res.accuracy, 1.0, 1e-12);
	CHECK(res.nfill == 10);
	filled = rs_classify_fill(ds, &res);
	{
		const rs_column *t = tblcol(&filled->item_tbl, "topic");
		CHECK_STR(text_by_id(t, filled->items, "v90"), "sport");
		CHECK_STR(text_by_id(t, filled->items, "v91"), "food");
		CHECK(t->nmissing == 0);
		/* the original is untouched */
		CHECK_STR(text_by_id(tblcol(&ds->item_tbl, "topic"), ds->items, "v91"), "");
	}
	rs_dataset_free(filled);
	rs_classify_result_free(&res);
	/* a numeric target fills numbers */
	p.target = "cat_id";
	p.test = 0;
	CHECK(rs_classify(ds, &p, &res, NULL, &err) == 0);
	CHECK(isnan(res.accuracy) && res.test == 0 && res.train == 90);
	filled = rs_classify_fill(ds, &res);
	CHECK(by_id(tblcol(&filled->item_tbl, "cat_id"), filled->items, "v93") == 2);
	rs_dataset_free(filled);
	rs_classify_result_free(&res);
	/* bad input */
	p.target = "nolabel";
	CHECK(rs_classify(ds, &p, &res, NULL, &err) != 0);
	CHECK_STR(err.msg, "target=nolabel: no item has a value to learn from (all 100 missing)");
	p.target = "caption";
	CHECK(rs_classify(ds, &p, &res, NULL, &err) != 0);
	CHECK_STR(err.msg, "text=caption: the target caption is among the text columns; it would predict itself");
	p.target = "topic";
	p.text = "cat_id";
	CHECK(rs_classify(ds, &p, &res, NULL, &err) != 0);
	CHECK_STR(err.msg, "text=cat_id: cat_id is an int column; text= needs a text column");
	p.text = "caption";
	p.target = "topik";
	CHECK(rs_classify(ds, &p, &res, NULL, &err) != 0);
	CHECK_STR(err.msg, "target=topik: no item column topik (did you mean topic?)");
	p.target = "topic";
	p.alpha = -1;
	CHECK(rs_classify(ds, &p, &res, NULL, &err) != 0);
	CHECK_STR(err.msg, "alpha must be above 0");
	rs_dataset_free(ds);
}

/* The corpus is tokenized in parts, one per thread: any thread count gives
 * the same vocabulary, weights and matrix. */
static void
test_threads(void)
{
	struct strbuf sb;
	rs_load_opts o;
	rs_features_params p;
	rs_features *f1, *f3;
	rs_dataset *ds;
	rs_error err;
	uint64_t state = 7;
	static const char *const words[] = { "goal", "match", "红烧", "肉丝",
		"noodles", "#food", "跑步", "健身", "vlog", "日常", "cat", "猫咪" };

	sb_init(&sb);
	sb_puts(&sb, "item,caption,category\n");
	for (int i = 0; i < 9000; i++) {
		sb_printf(&sb, "v%d,", i);
		for (int k = 0; k < 4; k++)
			sb_printf(&sb, "%s%s", k ? " " : "", words[rnd_splitmix(&state) % 12]);
		sb_printf(&sb, " w%u,c%d\n", (unsigned)(rnd_splitmix(&state) % 3000), i % 5);
	}
	sb_putc(&sb, '\0');
	write_file("many.csv", sb.s);
	sb_free(&sb);
	write_file("many-log.csv", "user,item\nu1,v0\n");
	rs_load_opts_init(&o);
	o.items_path = P("many.csv");
	ds = rs_dataset_load(P("many-log.csv"), &o, NULL, &err);
	if (ds == NULL) {
		fprintf(stderr, "many: %s\n", err.msg);
		check_failures++;
		return;
	}
	rs_features_params_init(&p);
	p.min_df = 1;
#ifdef _OPENMP
	omp_set_num_threads(1);
#endif
	f1 = rs_features_build(ds, &p, NULL, &err);
#ifdef _OPENMP
	omp_set_num_threads(3);
#endif
	f3 = rs_features_build(ds, &p, NULL, &err);
	CHECK(f1 != NULL && f3 != NULL);
	if (f1 != NULL && f3 != NULL) {
		CHECK(f1->nterms == f3->nterms && f1->nterms > 2000);
		for (uint32_t t = 0; t < f1->nterms && t < f3->nterms; t++)
			if (strcmp(f1->terms[t], f3->terms[t]) != 0 || f1->df[t] != f3->df[t]) {
				CHECK(!"the vocabularies differ");
				break;
			}
		CHECK(rs_csr_nnz(&f1->x) == rs_csr_nnz(&f3->x));
		CHECK(memcmp(f1->x.ptr, f3->x.ptr, (f1->nitems + 1) * sizeof *f1->x.ptr) == 0);
		CHECK(memcmp(f1->x.col, f3->x.col, rs_csr_nnz(&f1->x) * sizeof *f1->x.col) == 0);
		CHECK(memcmp(f1->x.val, f3->x.val, rs_csr_nnz(&f1->x) * sizeof *f1->x.val) == 0);
		CHECK(f1->tokens == f3->tokens && f1->tokens == 9000 * 5);
	}
	rs_features_free(f1);
	rs_features_free(f3);
	rs_dataset_free(ds);
}

static void
test_top_k(void)
{
	static const float v[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0, -1 };
	uint32_t idx[13];

	CHECK(rs_top_k(v, 13, 4, 0, idx) == 4);
	CHECK(idx[0] == 5 && idx[1] == 7 && idx[2] == 4 && idx[3] == 8);
	CHECK(rs_top_k(v, 13, 13, 0, idx) == 11);	/* 0 and -1 skipped */
	CHECK(idx[9] == 1 && idx[10] == 3);
	CHECK(rs_top_k(v, 13, 0, 0, idx) == 0);
	CHECK(rs_top_k(v, 0, 3, 0, idx) == 0);
}

int
main(void)
{
	if (fixture_begin("features") != 0)
		return 99;
	test_tokenizer();
	test_stopwords();
	test_fuzz();
	test_top_k();
	test_tfidf();
	test_nb();
	test_classify();
	test_threads();
	fixture_end();
	return check_done("test-features");
}
