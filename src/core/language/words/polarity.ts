/** Negation words and groups of opposite words. General English: no list here names anything of a particular article. */

/** Words that say a statement is negated, beyond what the parser flags. */
export const NEGATION_WORDS = new Set(['not', "n't", 'no', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot', 'hardly', 'barely']);

/**
 * Pairs of opposite word groups: a claim with a word of one side, aligned with a
 * source sentence with a word of the other, reverses the source. General English.
 */
export const OPPOSITES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['up', 'increase', 'rise', 'grow', 'expand', 'escalate', 'intensify', 'surge', 'climb', 'soar', 'mount', 'resume', 'continue', 'accelerate', 'spike', 'double', 'triple', 'widen', 'strengthen'],
    ['down', 'decrease', 'fall', 'drop', 'decline', 'shrink', 'reduce', 'cease', 'stop', 'halt', 'end', 'subside', 'ease', 'downscale', 'down-scale', 'cut', 'slow', 'plunge', 'narrow', 'weaken', 'suspend', 'quiet', 'quieten', 'diminish', 'abate']],
  [['praise', 'commend', 'applaud', 'welcome', 'support', 'endorse', 'approve', 'thank', 'celebrate', 'hail', 'back', 'favour', 'favor', 'defend'],
    ['criticise', 'criticize', 'complain', 'condemn', 'denounce', 'oppose', 'reject', 'blame', 'attack', 'disapprove', 'protest', 'decry', 'slam', 'accuse', 'lament', 'object']],
  [['positive', 'positively', 'favourable', 'favorable', 'favourably', 'favorably', 'friendly', 'warm', 'warmly', 'good', 'well', 'optimistic', 'welcome', 'popular', 'hopeful', 'calm', 'stable', 'safe', 'peaceful'],
    ['negative', 'negatively', 'hostile', 'hostility', 'unfavourable', 'unfavorable', 'unfriendly', 'cold', 'bad', 'badly', 'poorly', 'pessimistic', 'unwelcome', 'unpopular', 'critical', 'tense', 'unstable', 'dangerous', 'violent']],
  [['win', 'won', 'victory', 'succeed', 'success', 'successful', 'pass', 'gain'], ['lose', 'lost', 'defeat', 'fail', 'failure', 'unsuccessful', 'loss']],
  [['accept', 'agree', 'approve', 'allow', 'permit', 'grant', 'admit', 'confirm', 'include'], ['refuse', 'reject', 'decline', 'deny', 'ban', 'forbid', 'prohibit', 'block', 'veto', 'exclude']],
  [['open', 'reopen', 'start', 'begin', 'launch', 'create', 'establish'], ['close', 'shut', 'finish', 'abolish', 'dissolve', 'disband', 'terminate']],
  [['stay', 'remain', 'keep', 'arrive', 'enter', 'join', 'deploy'], ['leave', 'depart', 'withdraw', 'exit', 'quit', 'evacuate', 'retreat']],
  [['keep', 'hold', 'maintain', 'unchanged', 'steady', 'freeze', 'pause'], ['raise', 'lift', 'hike', 'cut', 'lower', 'reduce', 'change', 'adjust']],
  [['strong', 'strength', 'high', 'higher', 'more', 'larger', 'bigger', 'majority', 'most'], ['weak', 'weakness', 'low', 'lower', 'less', 'fewer', 'smaller', 'minority', 'least']],
  [['legal', 'lawful', 'official', 'true', 'real', 'visible', 'public', 'present', 'possible', 'likely', 'certain', 'known'],
    ['illegal', 'unlawful', 'unofficial', 'false', 'fake', 'invisible', 'secret', 'absent', 'impossible', 'unlikely', 'uncertain', 'unknown']],
];
