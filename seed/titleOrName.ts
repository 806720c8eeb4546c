/**
 * Tells a co-author's name from the next publication's title, for a line that
 * follows a title or a co-author with no abstract in between: the page gives no
 * other clue there (an entry without an abstract is followed by the next title).
 *
 * Reading a title as a person merges two papers and loses one, and creates a
 * person who does not exist; reading a name as a title only adds a paper without
 * an abstract and loses one co-author. So a line is a co-author only when it has
 * a name's shape and no title evidence; with a single piece of evidence it stays
 * a title and the parser warns, with the line, so that someone can look.
 *
 * Title evidence, each word counting once:
 * - a function word of English or French (`of`, `the`, `Is`, `pour`, `avec`…),
 *   whatever its case: Title Case capitalises them (`Attention Is All You Need`)
 *   and all-caps titles too (`ATTENTION IS ALL YOU NEED`);
 * - a word of research titles (`learning`, `neural`, `momentum`, `apprentissage`…)
 *   or with a suffix names almost never have (`-tion`, `-ness`, `-ity`…), also in
 *   each part of a hyphenated word (`Torque-Aware`);
 * and anything a name cannot hold (digits, `:`, `?`, `,`, brackets, more than six words).
 *
 * Name particles (`de`, `van`, `le`, `du`…) are never evidence: `Yoshua de Bengio`,
 * `Hung Le`. All capitals say nothing either way (`KELLER JORDAN` is a name).
 *
 * One-word lines: a single capitalised word (`Plato`, `Dropout`, `Perceiver`) is
 * read as a title with a warning, never as a person: one-word titles are at least
 * as common on these pages as one-word names, and the title is the safe reading.
 */

export type LineReading = { kind: 'coauthor' } | { kind: 'title' } | { kind: 'ambiguous'; why: string };

/** Lower-case particles of names (`Ludwig van Beethoven`); also surnames when capitalised (`Hung Le`). */
const NAME_PARTICLES = new Set([
  'al', 'bin', 'binti', 'da', 'das', 'de', 'degli', 'del', 'della', 'den', 'der', 'des', 'di', 'do', 'dos', 'du',
  'el', 'la', 'le', 'lo', 'ten', 'ter', 'van', 'vander', 'von', 'y', 'zu', 'zum',
]);

/** English and French articles, prepositions, conjunctions, pronouns and auxiliaries (particles excluded). */
const FUNCTION_WORDS = new Set([
  // English
  'a', 'an', 'the', 'of', 'for', 'with', 'without', 'in', 'into', 'on', 'onto', 'and', 'or', 'nor', 'but', 'is',
  'are', 'be', 'being', 'was', 'were', 'to', 'via', 'by', 'from', 'at', 'as', 'over', 'under', 'through', 'towards',
  'toward', 'beyond', 'between', 'among', 'across', 'against', 'about', 'after', 'before', 'within', 'upon', 'vs',
  'versus', 'not', 'no', 'do', 'does', 'can', 'all', 'you', 'your', 'we', 'our', 'us', 'it', 'its', 'this', 'that',
  'these', 'those', 'what', 'why', 'how', 'when', 'where', 'which', 'who', 'more', 'less', 'than', 'any',
  'every', 'each', 'one', 'two', 'need', 'needs', 'matter', 'matters', 'anything', 'everything', 'nothing',
  'something',
  // French
  'un', 'une', 'aux', 'pour', 'avec', 'sans', 'et', 'sur', 'sous', 'dans', 'par', 'en', 'vers',
  'entre', 'chez', 'est', 'sont', 'à', 'ce', 'cette', 'ces', 'leur', 'leurs', 'sa', 'ses', 'quand',
  'comment', 'pourquoi', 'qui', 'que', 'quoi', 'mais', 'ne', 'pas', 'plus', 'moins',
]);

/** Frequent words of research titles in English and French (accent-folded, singular and plural as written). */
const TITLE_WORDS = new Set([
  'learning', 'learn', 'learned', 'learnable', 'learnability', 'neural', 'network', 'networks', 'model',
  'models', 'modeling', 'modelling', 'training', 'trained', 'data', 'dataset', 'datasets', 'graph', 'graphs',
  'language', 'languages', 'vision', 'image', 'images', 'video', 'speech', 'text', 'transformer', 'transformers',
  'attention', 'optimization', 'optimisation', 'optimizer', 'optimizers', 'gradient', 'gradients', 'descent',
  'stochastic', 'bayesian', 'inference', 'generative', 'adversarial', 'reinforcement', 'supervised',
  'unsupervised', 'self', 'representation', 'representations', 'embedding', 'embeddings', 'efficient',
  'robust', 'robustness', 'scalable', 'scaling', 'sparse', 'sparsity', 'dense', 'pruning', 'momentum', 'memory',
  'analysis', 'approach', 'method', 'methods', 'framework', 'theory', 'benchmark',
  'benchmarks', 'evaluation', 'evaluating', 'generalization', 'generalisation', 'regularization',
  'classification', 'detection', 'segmentation', 'prediction', 'estimation', 'policy', 'policies', 'agent',
  'agents', 'reward', 'rewards', 'exploration', 'planning', 'control', 'dynamics', 'causal', 'causality',
  'probabilistic', 'uncertainty', 'kernel', 'kernels', 'linear', 'nonlinear', 'convex', 'loss', 'losses',
  'objective', 'minimization', 'maximization', 'minima', 'sharpness', 'aware', 'based', 'driven', 'free',
  'guided', 'augmented', 'conditional', 'continual', 'lifelong', 'meta', 'multi', 'large', 'small', 'scale',
  'fast', 'faster', 'better', 'simple', 'study', 'survey', 'review', 'note', 'notes', 'view', 'unified', 'unifying',
  'implicit', 'explicit', 'spectral', 'bias', 'noise', 'noisy', 'label', 'labels', 'example', 'examples',
  'structure', 'structures', 'focus', 'shape', 'shapes', 'lazy', 'neurons', 'neuron', 'circuits', 'brain',
  'protein', 'molecular', 'molecules', 'drug', 'climate', 'health', 'clinical', 'medical', 'robot', 'robots',
  'robotics', 'autonomous', 'driving', 'search', 'retrieval', 'question', 'answering', 'dialogue', 'translation',
  'recognition', 'generation', 'synthesis', 'diffusion', 'flow', 'flows', 'score', 'energy', 'physics', 'game',
  'games', 'online', 'offline', 'federated', 'privacy', 'fairness', 'interpretable', 'interpretability',
  'explainable', 'spurious', 'correlations', 'concept', 'concepts', 'discovery', 'warmup', 'replay', 'curvature',
  'torque', 'step', 'steps', 'forward', 'backward', 'back', 'ranking', 'high', 'rate', 'rates', 'convolutional',
  'recurrent', 'residual', 'batch', 'layer', 'layers', 'mixture', 'variational', 'autoencoder', 'autoencoders',
  'encoder', 'encoders', 'decoder', 'decoders', 'latent', 'contrastive', 'visual', 'semantic', 'knowledge',
  'reasoning', 'multimodal', 'pretraining', 'tuning', 'prompt', 'prompts', 'shot', 'few', 'zero', 'net', 'nets',
  'machine', 'machines', 'intelligence', 'artificial', 'algorithm', 'algorithms', 'system', 'systems', 'tree',
  'trees', 'gaussian', 'process', 'processes', 'adaptive', 'optimal', 'transport', 'manifold', 'manifolds',
  'geometric', 'geometry', 'equivariant', 'invariant', 'invariance', 'tangent', 'feature', 'features', 'alignment',
  'convergence', 'bounds', 'tradeoff', 'hasty', 'hypothesis', 'hypotheses',
  // Acronyms of the field, as titles write them (`Wasserstein GAN`, `Mask R-CNN`)
  'gan', 'gans', 'cnn', 'cnns', 'rnn', 'rnns', 'lstm', 'bert', 'gpt', 'llm', 'llms', 'sgd', 'mlp', 'vae', 'vaes',
  // French
  'apprentissage', 'reseau', 'reseaux', 'neuronal', 'neuronaux', 'profond', 'profonds', 'modele',
  'modeles', 'donnees', 'etude', 'analyse', 'methode', 'methodes', 'approche', 'optimisation',
  'renforcement', 'langage', 'langue', 'traitement', 'automatique', 'ordinateur', 'recherche',
  'apercu', 'nouvelle', 'nouveau', 'nouvelles', 'nouveaux',
]);

/** Suffixes of words that are almost never names (`Regularization`, `Expressiveness`, `Sparsity`, `Neuroscience`). */
const TITLE_SUFFIX = /(?:tion|sion|ness|ity|ities|ism|ics|ogy|ments)s?$/u;

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A capitalised name word (`Jordan`, `McDonald`, `O'Neil`, `Shea-Brown`, `KELLER`, `d'Alembert`). */
const NAME_WORD = /^(?:[dl]['’])?\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*$/u;
/** Initials: `J.`, `R.R.`, `J.-P.`. */
const INITIALS = /^\p{Lu}\.(?:-?\p{Lu}\.)*$/u;

/** The words of a line shaped like a person's name, or null: two to six words, at least one a full name word. */
export function nameWords(text: string): string[] | null {
  const parts = text.split(' ').filter((part) => part.length > 0);
  if (parts.length < 2 || parts.length > 6) return null;
  let fullWords = 0;
  for (const part of parts) {
    if (NAME_WORD.test(part)) fullWords += 1;
    else if (!INITIALS.test(part) && !NAME_PARTICLES.has(part)) return null;
  }
  return fullWords >= 1 && fullWords + parts.filter((part) => INITIALS.test(part)).length >= 2 ? parts : null;
}

/** The words of a line that are evidence of a title. */
export function titleEvidence(words: string[]): string[] {
  return words.filter((word) => {
    if (INITIALS.test(word)) return false;
    const folded = fold(word).replace(/['’]/gu, '');
    if (NAME_PARTICLES.has(folded)) return false;
    if (FUNCTION_WORDS.has(folded)) return true;
    return folded.split('-').some((part) => TITLE_WORDS.has(part) || (part.length >= 6 && TITLE_SUFFIX.test(part)));
  });
}

/** How to read a line that follows a title or a co-author when no abstract came in between. */
export function readLineAfterTitle(text: string): LineReading {
  const words = nameWords(text);
  if (words === null) {
    if (/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(text) && titleEvidence([text]).length === 0) {
      return { kind: 'ambiguous', why: 'a single capitalised word is read as a title, not as a one-word name' };
    }
    return { kind: 'title' };
  }
  const evidence = titleEvidence(words);
  if (evidence.length === 0) return { kind: 'coauthor' };
  if (evidence.length >= 2) return { kind: 'title' };
  return { kind: 'ambiguous', why: `it has a name's shape, but "${evidence[0]}" is a title word` };
}
