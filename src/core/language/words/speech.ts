/** The grammar of reported speech: verbs of saying, what is said in, who says it. General English: no list here names anything of a particular article. */

/** Verbs and phrases that introduce reported speech. Lemmas, lower-case. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'tweet', 'write', 'add', 'state', 'declare', 'warn', 'explain', 'note', 'insist', 'argue', 'claim', 'ask', 'reply',
  'answer', 'describe', 'call', 'announce', 'admit', 'acknowledge', 'assert', 'comment', 'confirm', 'deny', 'emphasise', 'emphasize',
  'stress', 'suggest', 'recall', 'remark', 'report', 'respond', 'quip', 'joke', 'complain', 'concede', 'contend', 'observe',
  'predict', 'promise', 'vow', 'urge', 'indicate', 'post', 'exclaim', 'shout', 'whisper', 'mutter', 'continue', 'conclude', 'caution',
  'put', 'testify', 'maintain', 'point', 'speak', 'reiterate', 'hint', 'boast', 'lament', 'pledge', 'plead', 'propose', 'question',
]);

/** Nouns of a message whose author is the person named beside them ("the tweet X sent"). */
export const MESSAGE_NOUNS = new Set(['tweet', 'post', 'statement', 'letter', 'message', 'speech', 'interview', 'remarks', 'email', 'op-ed', 'column', 'essay', 'memo', 'note', 'address', 'press release']);

export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her']);
