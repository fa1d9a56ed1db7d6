/* reelscope engine: privacy checks — membership inference against a trained model, k-anonymity and l-diversity of the user table. */
#ifndef REELSCOPE_PRIVACY_H
#define REELSCOPE_PRIVACY_H

#include <stddef.h>
#include <stdint.h>

#include "reelscope/dataset.h"
#include "reelscope/error.h"
#include "reelscope/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Membership inference by loss threshold (Yeom et al. 2018), per user.
 * The attacker holds the released item side of a rating factor model (mf,
 * fedmf: q_i, b_i and mu) and a user's rows; it fits the user's vector and
 * bias to those rows (ridge, penalty reg·n on p_u and b_u, n the rows) and
 * takes the mean squared error on them as the user's loss. Members: users
 * with training rows (their training rows); non-members: held-out users,
 * with held-out rows and no training row (their held-out rows). A user is
 * guessed a member when its loss is at most a threshold.
 *   AUC = P(member loss < non-member loss) + ½ P(equal)   (0.5: no signal)
 *   advantage = max over thresholds of TPR - FPR (Yeom's membership
 *   advantage; 0: no signal, 1: perfect)
 */
typedef struct rs_mia_result {
	size_t members, nonmembers;
	double member_loss, nonmember_loss;	/* mean of the users' losses */
	double auc, advantage;
	double threshold;	/* the loss where the advantage is reached */
} rs_mia_result;

/* AUC and advantage from the two groups' losses (lower: member). */
void rs_mia_score(const double *member, size_t nm, const double *nonmember,
    size_t nn, rs_mia_result *out);

/* The attack on model m (trained on ds's split): -1 with err when m is not
 * mf or fedmf, or there are no held-out users. */
int rs_privacy_audit(const rs_dataset *ds, const rs_model *m,
    rs_mia_result *out, rs_error *err);

/*
 * k-anonymity of the user table over quasi-identifier columns: rows
 * (users) with equal values in every column form a class (a missing value
 * is a value of its own); k = the smallest class. l-diversity of a
 * sensitive column: the smallest number of distinct present values of it
 * within a class. To reach a target k, columns are dropped greedily: each
 * step drops the column whose removal gives the largest smallest class
 * (ties: fewer rows in classes below the target, then the earlier column),
 * until k is reached or no column is left; generalising values (zip
 * prefixes, age bands) is not tried.
 */
typedef struct rs_kanon_step {
	const char *column;	/* dropped (points into the request) */
	size_t k;		/* smallest class after dropping it */
	size_t classes;
} rs_kanon_step;

typedef struct rs_kanon {
	size_t rows, classes;
	size_t k;		/* smallest class */
	size_t below;		/* rows in classes smaller than the target */
	size_t l;		/* l-diversity (0 without a sensitive column) */
	size_t l_classes;	/* classes with fewer than 2 distinct values */
	rs_kanon_step *steps;	/* the greedy drops, in order */
	size_t nsteps;
	int reached;		/* whether the drops reach the target */
} rs_kanon;

int rs_privacy_check(const rs_dataset *ds, const char *const *cols,
    size_t ncols, const char *sensitive, size_t target, rs_kanon *out,
    rs_error *err);
void rs_kanon_free(rs_kanon *r);

#ifdef __cplusplus
}
#endif
#endif
