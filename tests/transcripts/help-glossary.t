# help glossary: every metric and word the results print, in plain words, one line each.
> help glossary
glossary (docs/metrics.md gives the formulas):
  precision@k                share of the top k that the user really went on to watch (hits / k)
  recall@k                   share of the user's held-out videos that made it into the top k
  hit@k                      1 when at least one held-out video is in the top k, else 0; averaged over users
  ndcg@k                     like recall, but a hit near the top counts more (1/log2 of its rank+1), scaled so a perfect list scores 1
  map@k                      mean average precision: precision taken at each hit's rank, averaged
  mrr@k                      mean reciprocal rank: 1/rank of the first hit (1 when the first item is a hit, 0.5 the second...)
  auc                        the chance a held-out video is scored above a video the user did not watch (0.5: a coin)
  rmse, mae                  rating error of models that predict values: root mean square and mean absolute difference
  coverage                   share of all items (or creators) that appear in at least one user's list
  novelty@k                  how unknown the listed videos are: mean -log2 of each one's share of the training rows
  diversity@k                how different the listed videos are from each other (1 - overlap of their categories)
  popularity@k, ARP          average recommendation popularity: mean training rows of the listed videos; high means the list follows the crowd
  APLT, ACLT                 average percentage (APLT) or count (ACLT) of long-tail items in a list: the less-watched items beyond the head
  head, tail                 head: the most watched items (or creators) holding head= (80%) of the training rows; tail: the rest
  PopRSP, PopREO             popularity parity: whether head and tail items are recommended (RSP) or recommended when relevant (REO) at equal rates; 0 is fair
  watch_ratio@k              short video: mean play time over video length for the listed videos the user was seen to watch
  completion@k, effective@k  share of listed videos watched to the end (ratio >= 1), or past the effective-view threshold (2)
  dwell@k, like@k            total play time, and share liked, of the listed videos
  exposure                   attention a position gets: 1/log2(1+rank) by default, so the first slot counts most; summed per creator
  merit                      what a creator deserves: its share of the relevant (held-out) interactions
  Gini                       inequality of exposure across creators: 0 everyone equal, 1 one creator gets everything
  entropy                    how spread exposure is, in bits; its maximum is log2 of the number of creators
  EE-D, EE-R, EE-L           expected exposure: D how concentrated attention is, R how much goes to relevant items, L the distance to the fair target (lower is fairer)
  maximin share              the slots each creator could be sure of in a fair division; the audit counts who gets at least that
  equity of attention        how far each creator's exposure share is from its merit share, summed
  calibration KL             how far a list's head/tail mix is from the user's own history (Kullback-Leibler, bits); 0 matches
  dp, epsilon                exposure figures published with Laplace noise: smaller epsilon, more noise, more privacy
  sampled metrics            ranking the held-out items among N random others instead of every item: numbers inflate and can swap models
  cold users                 held-out users with no training row: every model can only guess popular items for them
  leakage                    test information reaching training (overlapping rows, future events, tuning on test): numbers look better than they will be
  CI                         confidence interval: the range the mean over users would likely fall in with other users
  significance, p            whether two models really differ on the same users (paired test); small p: unlikely by chance
  IPS, SNIPS                 inverse propensity scoring: weigh each logged event by 1 / the chance it was shown, to undo the logging policy's bias; SNIPS divides by the sum of weights, steadier
  prequential                test-then-learn over time: each window is scored by the model as it was, then learned from (stream)
  MMR, xQuAD, FA*IR          re-rankers: MMR penalises repeats of a creator, xQuAD tops up tail items, FA*IR keeps a minimum share of tail creators at every position
