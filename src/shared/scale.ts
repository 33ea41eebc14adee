/**
 * The rating scale: the desk's public label and definition for each verdict.
 * The verdict codes (status.ts) never change; a desk renames a verdict for
 * its readers ("Mostly false") without changing what it means, and defines
 * each one for the report's "How we rate" section. ClaimReview places each
 * verdict on schema.org's 1–5 scale and names it with the public label.
 */
import { statuses, statusStyles, type Status } from './status'

export interface Rating {
  /** The word readers see. */
  label: string
  /** What the verdict means, in plain text. */
  definition: string
}

export type RatingScale = Record<Status, Rating>

export const defaultDefinitions: Record<Status, string> = {
  unverified: 'We have not checked this claim yet.',
  in_progress: 'We are checking this claim; the verdict is not final.',
  verified: 'The claim is accurate: the evidence supports it and nothing significant is missing.',
  disputed: 'Credible sources disagree, and the evidence does not settle which is right.',
  false: 'The claim is inaccurate: the evidence contradicts it.',
  misleading: 'The claim contains accurate elements but leaves out or distorts context, so that it gives a false impression.',
  unverifiable: 'There is not enough public evidence to prove or disprove the claim.'
}

export const defaultScale: RatingScale = Object.fromEntries(
  statuses.map((status) => [status, { label: statusStyles[status].label, definition: defaultDefinitions[status] }])
) as RatingScale

/** The verdicts readers may see rated: the others are not verdicts yet. */
export const finalVerdicts = statuses.filter((s) => s !== 'unverified' && s !== 'in_progress')

/** The 1–5 truth scale of ClaimReview (5 true, 1 false). Disputed and unverifiable sit in the middle; their names tell them apart. */
export const RATING_RANGE = { best: 5, worst: 1 }
export const ratingValues: Partial<Record<Status, number>> = {
  verified: 5,
  disputed: 3,
  unverifiable: 3,
  misleading: 2,
  false: 1
}

/** A scale from the desk's changes over the defaults. */
export function ratingScale(changes: Partial<Record<Status, Partial<Rating>>>): RatingScale {
  return Object.fromEntries(statuses.map((s) => [s, { ...defaultScale[s], ...changes[s] }])) as RatingScale
}
