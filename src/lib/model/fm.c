/* fm: a second-order factorization machine (Rendle 2010) on lr's hashed features, O(kn) scoring, SGD or Adam with L2. */
#include "config.h"

#include "model/ctr-int.h"

static const rs_param_spec fm_params[] = {
	{ "target", RS_PARAM_STR, "", 0, -1, NULL,
	  "the label: a 0/1 log column (is_like), or COLUMN>=T (watch_ratio>=2)" },
	{ "features", RS_PARAM_STR, "auto", 0, -1, NULL,
	  "comma-separated: " RS_CTR_BUILTINS ", any log/item/user column, A*B crosses (auto: the built-ins the data has)" },
	{ "bits", RS_PARAM_INT, "18", 4, 24, NULL, "hash into 2^bits buckets" },
	{ "k", RS_PARAM_INT, "8", 1, 256, NULL, "factors per bucket" },
	{ "l2", RS_PARAM_NUM, "0.03", 0, 1e6, NULL,
	  "L2 on the weights and factors a row touches, at each step" },
	{ "opt", RS_PARAM_ENUM, "adam", 0, -1, "sgd|adam", "optimizer over shuffled rows" },
	{ "rate", RS_PARAM_NUM, "0.001", 1e-9, 100, NULL, "learning rate" },
	{ "init", RS_PARAM_NUM, "0.01", 0, 10, NULL, "standard deviation of the initial factors" },
	{ "epochs", RS_PARAM_INT, "20", 1, 100000, NULL, "passes (train epochs= overrides)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
fm_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return model_ctr_begin(m, ctx, (uint32_t)rs_model_param_num(m, "k"), err);
}

const rs_model_kind rs_kind_fm = {
	.name = "fm",
	.help = "factorization machine (Rendle 2010): lr plus every pair of features through "
	    "k factors, sum_f ((sum_i v_if)^2 - sum_i v_if^2) / 2; same features, eval and calibrate as lr",
	.params = fm_params,
	.begin = fm_begin,
	.epoch = model_ctr_epoch,
	.validate = model_ctr_validate,
	.valid_name = "logloss",
	.snapshot = model_ctr_snapshot,
	.restore = model_ctr_restore,
	.free_snapshot = model_ctr_free_snapshot,
	.save = model_ctr_save,
	.load = model_ctr_load,
	.free_state = model_ctr_free_state,
};
