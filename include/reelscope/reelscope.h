/* reelscope engine (libreelscope): the one header a front end includes. */
#ifndef REELSCOPE_H
#define REELSCOPE_H

#include "reelscope/error.h"
#include "reelscope/column.h"
#include "reelscope/dataset.h"
#include "reelscope/load.h"
#include "reelscope/describe.h"
#include "reelscope/sim.h"
#include "reelscope/workspace.h"
#include "reelscope/clean.h"
#include "reelscope/split.h"
#include "reelscope/model.h"
#include "reelscope/observe.h"
#include "reelscope/train.h"
#include "reelscope/ctr.h"
#include "reelscope/explain.h"
#include "reelscope/store.h"
#include "reelscope/stream.h"
#include "reelscope/eval.h"
#include "reelscope/bias.h"
#include "reelscope/features.h"
#include "reelscope/classify.h"
#include "reelscope/fair.h"
#include "reelscope/dp.h"
#include "reelscope/privacy.h"
#include "reelscope/util.h"

#endif
