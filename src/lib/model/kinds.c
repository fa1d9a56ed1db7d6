/* The table of every model kind; a new kind adds one line here. */
#include "config.h"

#include "reelscope/eval.h"
#include "reelscope/model.h"

extern const rs_model_kind rs_kind_pop;
extern const rs_model_kind rs_kind_random;
extern const rs_model_kind rs_kind_userknn;
extern const rs_model_kind rs_kind_itemknn;
extern const rs_model_kind rs_kind_ease;
extern const rs_model_kind rs_kind_content;
extern const rs_model_kind rs_kind_hybrid;
extern const rs_model_kind rs_kind_mf;
extern const rs_model_kind rs_kind_svdpp;
extern const rs_model_kind rs_kind_als;
extern const rs_model_kind rs_kind_bpr;
extern const rs_model_kind rs_kind_ncf;
extern const rs_model_kind rs_kind_gru4rec;
extern const rs_model_kind rs_kind_twotower;
extern const rs_model_kind rs_kind_caser;
extern const rs_model_kind rs_kind_multvae;

const rs_model_kind *const rs_model_kinds[] = {
	&rs_kind_pop,
	&rs_kind_random,
	&rs_kind_userknn,
	&rs_kind_itemknn,
	&rs_kind_ease,
	&rs_kind_content,
	&rs_kind_hybrid,
	&rs_kind_mf,
	&rs_kind_svdpp,
	&rs_kind_als,
	&rs_kind_bpr,
	&rs_kind_ncf,
	&rs_kind_gru4rec,
	&rs_kind_twotower,
	&rs_kind_caser,
	&rs_kind_multvae,
	&rs_kind_imported,	/* eval.h: lists read by import recs */
	NULL
};
