/** The built-in roles, in the order the app lists them. `fundamentals` applies to all of them. */
export const roleOrder = [
  'fundamentals',
  'pretraining',
  'post-training',
  'rag',
  'agent',
  'inference',
  'training-infra',
  'mlops',
  'safety-alignment',
  'ai-engineer',
  'data-engineer',
  'behavioral',
] as const;
