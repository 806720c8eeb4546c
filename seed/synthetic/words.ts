/**
 * Word lists of the synthetic lab: names from several cultures (with the
 * accents, hyphens and apostrophes real pages have), organisations, and the
 * vocabulary of machine-learning titles and abstracts. Every entry is plain
 * data; generate.ts combines them.
 *
 * Title words are capitalised; the lowercase connecting words that make a
 * line read as a title, not a name, come from the templates in titles.ts.
 * No entry may contain "code" (it would read as a code link), "…" or digits
 * next to letters that would make a name.
 */

export const firstNames = [
  // French and Québécois
  'Élise', 'François', 'Hélène', 'Amélie', 'Benoît', 'Chloé', 'Étienne', 'Geneviève', 'Jérôme', 'Josée',
  'Mathieu', 'Noémie', 'Rémi', 'Sébastien', 'Véronique', 'Aurélien', 'Marc-André', 'Anne-Sophie', 'Gaëlle', 'Loïc',
  // English
  'Emily', 'James', 'Olivia', 'William', 'Sarah', 'Michael', 'Hannah', 'Thomas', 'Grace', 'Daniel',
  // Spanish, Portuguese, Italian
  'José', 'María', 'Inês', 'João', 'Lucía', 'Álvaro', 'Núria', 'Giulia', 'Matteo', 'Chiara',
  // German, Nordic, Slavic
  'Jürgen', 'Lena', 'Søren', 'Åsa', 'Björn', 'Łukasz', 'Zofia', 'Tomáš', 'Katarína', 'Dmitri',
  // Turkish, Arabic, Persian
  'Ayşe', 'Çağrı', 'Mehmet', 'Noor', 'Yasmin', 'Omar', 'Karim', 'Leila', 'Reza', 'Shirin',
  // West African
  'Oumar', 'Aminata', 'Chidi', 'Ngozi', 'Kwame', 'Adaeze', 'Moussa', 'Fatou',
  // Chinese, Korean, Japanese, Vietnamese
  'Wei', 'Yuhan', 'Xinyi', 'Jiahao', 'Mei', 'Minji', 'Seojun', 'Haruto', 'Yui', 'Linh',
  // South Asian
  'Priya', 'Arjun', 'Ananya', 'Rohan', 'Sneha', 'Vikram', 'Ishaan', 'Kavya',
] as const;

export const middleNames = ['Helena', 'Marie', 'Louis', 'Anne', 'Thu', 'Kumar', 'Maria', 'Jean', 'Elizabeth', 'Ali'] as const;

export const lastNames = [
  'Tremblay', 'Gagnon', 'Côté', 'Bélanger', 'Lefebvre', 'Bouchard', 'Gauthier', 'Pelletier', 'Lévesque', 'Bergeron',
  'Dubois', 'Moreau', 'Girard', 'Fournier', 'Mercier', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Walker',
  "O'Neill", 'Murphy', 'Campbell', 'García', 'Martínez', 'López', 'Fernández', 'Gonçalves', 'Silva', 'Rossi',
  'Bianchi', 'Esposito', 'Müller', 'Schäfer', 'Becker', 'Hoffmann', 'Jørgensen', 'Lindqvist', 'Kowalski', 'Wiśniewski',
  'Nováková', 'Dvořák', 'Ivanova', 'Petrov', 'Yılmaz', 'Şahin', 'Haddad', 'Khalil', 'Rahimi', 'Karimi',
  'Diallo', 'Traoré', 'Okafor', 'Mensah', 'Adeyemi', 'Ndiaye', 'Wang', 'Zhang', 'Liu', 'Chen',
  'Huang', 'Zhao', 'Kim', 'Park', 'Choi', 'Sato', 'Tanaka', 'Nakamura', 'Nguyen', 'Tran',
  'Pham', 'Singh', 'Patel', 'Sharma', 'Iyer', 'Reddy', 'Banerjee', 'Mihalas', 'Rahaman', 'Arefin',
] as const;

export const organisations = [
  'Mila', 'Université de Montréal', 'McGill University', 'Polytechnique Montréal', 'HEC Montréal',
  'Université Laval', 'Concordia University', 'Université de Sherbrooke', 'Google DeepMind', 'Samsung SAIT',
  'Meta AI', 'ServiceNow Research', 'Microsoft Research', 'IBM Research', 'Element AI',
] as const;

/** Research-topic labels the vocabulary does not know: they become topics of their own. */
export const unknownTopics = {
  en: ['Causal Inference', 'Quantum Machine Learning', 'Climate Informatics', 'Robotics', 'Computational Biology'],
  fr: ['Inférence causale', 'Apprentissage quantique', 'Informatique du climat', 'Robotique', 'Biologie computationnelle'],
} as const;

/** Parts of made-up method names: `Cross` + `Split` is CrossSplit. */
export const methodHeads = ['Cross', 'Meta', 'Flow', 'Graph', 'Sparse', 'Proto', 'Hyper', 'Torque', 'Look', 'Neuro', 'Lat', 'Cura', 'Sym', 'Omni', 'Mirror'] as const;
export const methodTails = ['Split', 'Net', 'Former', 'Mix', 'Align', 'Prune', 'Tune', 'Diff', 'Match', 'Boost', 'Gate', 'Walk', 'Lens', 'Bridge'] as const;

export const gerunds = [
  'Learning', 'Mitigating', 'Improving', 'Scaling', 'Rethinking', 'Understanding', 'Detecting', 'Controlling',
  'Estimating', 'Regularizing', 'Accelerating', 'Compressing', 'Aligning', 'Evaluating', 'Exploring', 'Stabilizing',
  'Calibrating', 'Disentangling', 'Predicting', 'Measuring', 'Explaining', 'Pruning', 'Sampling', 'Correcting',
] as const;

export const objects = [
  'Label Noise', 'Spurious Correlations', 'Catastrophic Forgetting', 'Sharp Minima', 'Sparse Rewards', 'Distribution Shift',
  'Attention Heads', 'Representation Collapse', 'Gradient Noise', 'Uncertainty Estimates', 'Dying Neurons', 'Loss Landscapes',
  'Protein Structures', 'Neural Recordings', 'Medical Images', 'Molecular Graphs', 'Dynamical Systems', 'Causal Effects',
  'Hidden Confounders', 'Rare Events', 'Long Contexts', 'Visual Concepts', 'Reward Models', 'Policy Gradients',
  'Feature Interactions', 'Object Slots', 'Syntactic Structure', 'Weather Patterns', 'Cell Populations', 'Sensor Streams',
] as const;

export const tasks = [
  'Image Classification', 'Continual Reinforcement Learning', 'Few-Shot Segmentation', 'Molecule Generation',
  'Machine Translation', 'Speech Recognition', 'Clinical Prediction', 'Offline Policy Evaluation', 'Question Answering',
  'Drug Discovery', 'Video Understanding', 'Anomaly Detection', 'Weather Forecasting', 'Robot Manipulation',
  'Graph Classification', 'Text Summarization', 'Protein Design', 'Domain Adaptation', 'Active Learning',
  'Out-of-Distribution Detection', 'Semantic Parsing', 'Decision Making', 'Time Series Forecasting', 'Visual Navigation',
] as const;

export const techniques = [
  'Data Splitting', 'Critical Momenta', 'Contrastive Pretraining', 'Curvature-Aware Replay', 'Optimal Transport',
  'Low-Rank Adapters', 'Energy-Based Priors', 'Neural Tangent Features', 'Concept Discovery', 'Score Matching',
  'Mixture of Experts', 'Equivariant Layers', 'Bayesian Ensembles', 'Self-Distillation', 'Prompt Tuning',
  'Saturation Pruning', 'Momentum Damping', 'Latent Diffusion', 'Slot Attention', 'Implicit Differentiation',
  'Symbolic Regression', 'Counterfactual Augmentation', 'Trust Regions', 'Random Features',
] as const;

export const models = [
  'Neural Networks', 'Deep Networks', 'Transformers', 'Graph Neural Networks', 'Recurrent Networks', 'Vision Transformers',
  'Diffusion Models', 'Spiking Networks', 'Language Models', 'Variational Autoencoders', 'Neural Circuits', 'World Models',
  'State Space Models', 'Normalizing Flows', 'Kernel Machines', 'Linear Networks',
] as const;

export const properties = [
  'Spectral Bias', 'Implicit Regularization', 'Expressiveness', 'Sample Complexity', 'Robustness', 'Calibration',
  'Generalization', 'Stability', 'Inductive Bias', 'Learning Dynamics', 'Memorization', 'Identifiability',
  'Transferability', 'Plasticity', 'Compositionality',
] as const;

export const adjectives = [
  'Efficient', 'Scalable', 'Robust', 'Provable', 'Adaptive', 'Lightweight', 'Principled', 'Unsupervised',
  'Sample-Efficient', 'Interpretable', 'Hierarchical', 'Structured', 'Causal', 'Federated', 'Private', 'Modular',
] as const;

export const conditions = [
  'Distribution Shift', 'Limited Supervision', 'Label Noise', 'Partial Observability', 'Privacy Constraints',
  'Sparse Rewards', 'Class Imbalance', 'Adversarial Perturbations', 'Missing Data', 'Compute Budgets',
] as const;

export const sources = ['Human Feedback', 'Demonstrations', 'Unlabelled Video', 'Synthetic Data', 'Web Text', 'Simulations', 'Sparse Annotations'] as const;
export const verbs = ['Predict', 'Explain', 'Compress', 'Plan', 'Reason about', 'Segment', 'Generate', 'Rank'] as const;
export const factors = ['Learning Rates', 'Batch Sizes', 'Weight Decay Schedules', 'Initialization Scales', 'Data Augmentations', 'Network Widths', 'Warmup Schedules'] as const;

/** Lowercase nouns for abstract sentences (never "code"). */
export const datasets = ['CIFAR-10', 'CIFAR-100', 'ImageNet', 'Tiny-ImageNet', 'MNIST', 'Penn Treebank', 'WikiText-103', 'Atari', 'Procgen', 'MuJoCo', 'QM9', 'MIMIC-IV', 'GLUE', 'COCO'] as const;
export const difficulties = ['notoriously hard', 'brittle', 'expensive', 'poorly understood', 'unstable', 'data hungry'] as const;
export const situations = [
  'the training data are noisy', 'labels are scarce', 'the test distribution drifts', 'rewards arrive rarely',
  'the model is heavily overparameterized', 'inputs come from several sensors', 'compute is limited', 'tasks arrive one after another',
] as const;
export const mechanisms = [
  'reweights training examples by their loss', 'adds a damping term to the update', 'splits the data between two networks',
  'keeps a small buffer of critical examples', 'aligns features across domains', 'prunes saturated units during training',
  'learns a low-dimensional latent state', 'matches the score of the data distribution', 'regularizes the curvature of the loss',
  'routes each input to a few experts', 'enforces the symmetries of the problem', 'distils the model into itself',
] as const;
export const findings = [
  'easier examples are learned first', 'wider networks forget less', 'flatter minima transfer better',
  'most of the gain comes from the first layers', 'calibration degrades long before accuracy does',
  'the effective rank of the weights predicts the regime', 'a simple baseline is hard to beat', 'noise in the gradient acts as a regularizer',
] as const;
export const conclusions = [
  'simple changes to the training loop can matter more than new architectures',
  'evaluation protocols should report variance across seeds',
  'inductive biases remain essential at scale',
  'the gap between theory and practice is narrower than commonly assumed',
  'careful data curation is as important as model size',
] as const;
export const hosts = ['https://github.com', 'https://github.com', 'https://github.com', 'https://gitlab.com'] as const;
/** Code-link sentences the parser reads (an English "code … available|released at URL"). */
export const codeSentences = [
  (url: string) => `Our code is available at ${url}.`,
  (url: string) => `Code is available at ${url}.`,
  (url: string) => `The code is released at ${url}.`,
  (url: string) => `Code and data are available at ${url}.`,
] as const;
