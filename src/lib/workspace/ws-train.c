/* The workspace trains: a model fitted on the current split joins the workspace's models, or stays the caller's. */
#include "config.h"

#include "reelscope/train.h"

int
rs_workspace_train_apart(const rs_workspace *ws, const rs_train_request *req,
    rs_trained *out, rs_error *err)
{
	rs_train_env env;

	out->model = NULL;
	out->validated = false;
	if (rs_workspace_data(ws) == NULL) {
		rs_error_set(err, RS_ESTATE, "no data loaded");
		return -1;
	}
	env.ds = rs_workspace_data(ws);
	env.features = rs_workspace_features(ws);
	env.models = rs_workspace_models(ws);
	env.nmodels = rs_workspace_nmodels(ws);
	return rs_model_train(&env, req, NULL, out, err);
}

int
rs_workspace_train(rs_workspace *ws, const rs_train_request *req,
    rs_trained *out, rs_error *err)
{
	int rc;

	if ((rc = rs_workspace_train_apart(ws, req, out, err)) < 0)
		return rc;
	rs_workspace_add_model(ws, out->model);
	return rc;
}
