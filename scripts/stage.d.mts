export function stageApp(options: { projectDir: string; stageDir: string; addon: 'node' | 'electron' }): void;
