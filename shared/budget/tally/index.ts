/** The 创享计划 tallies: the same code in the cloud function, the app's explanations and `npm run pb:tally`. */
export { type Election, type Profile, profileOf, totalCost, satisfiedShare } from './profile';
export { greedy } from './greedy';
export { type MesOptions, type MesOutcome, type MesStep, equalShares, shareFlow } from './mes';
export { type PbFile, PbFormatError, parsePb, electionOf, formatPb } from './pabulib';
