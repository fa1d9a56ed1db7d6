/* lr: logistic regression of a 0/1 label per log row on hashed one-hot features (ctr-feat.c), by coordinate descent or SGD/Adam. */
#include "config.h"

#include "model/ctr-int.h"

static const rs_param_spec lr_params[] = {
	{ "target", RS_PARAM_STR, "", 0, -1, NULL,
	  "the label: a 0/1 log column (is_like), or COLUMN>=T (watch_ratio>=2)" },
	{ "features", RS_PARAM_STR, "auto", 0, -1, NULL,
	  "comma-separated: " RS_CTR_BUILTINS ", any log/item/user column, A*B crosses (auto: the built-ins the data has)" },
	{ "bits", RS_PARAM_INT, "18", 4, 26, NULL, "hash into 2^bits buckets" },
	{ "l2", RS_PARAM_NUM, "1e-4", 0, 1e6, NULL,
	  "L2 penalty: minimises mean log loss + l2/2 ||w||^2 (the bias unpenalised)" },
	{ "opt", RS_PARAM_ENUM, "cd", 0, -1, "cd|sgd|adam",
	  "cd: one Newton coordinate-descent sweep per epoch (converges to the optimum); sgd, adam: passes over shuffled rows" },
	{ "rate", RS_PARAM_NUM, "0.01", 1e-9, 100, NULL, "sgd/adam learning rate" },
	{ "epochs", RS_PARAM_INT, "30", 1, 100000, NULL, "sweeps or passes (train epochs= overrides)" },
	{ NULL, 0, NULL, 0, 0, NULL, NULL }
};

static int
lr_begin(rs_model *m, const rs_train_ctx *ctx, rs_error *err)
{
	return model_ctr_begin(m, ctx, 0, err);
}

const rs_model_kind rs_kind_lr = {
	.name = "lr",
	.help = "logistic regression: P(target = 1) of a log row from hashed one-hot features "
	    "(user, item, creator, category, duration, hour, columns, crosses); eval reports "
	    "auc, log loss, gauc, ece; calibrate fits Platt scaling",
	.params = lr_params,
	.begin = lr_begin,
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
