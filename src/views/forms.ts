/** The `{name}` placeholders of a form's command template, in order: its fields as the command reads them. */
export function templateFields(command: string): string[] {
  return [...command.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/**
 * The field of a form that a refusal is about: the one the core named, when the form has it; null when it names
 * none or one this form does not have (the caller then shows it on the last field, the one with the free text).
 */
export function fieldFor(command: string, named: string | null): string | null {
  return named !== null && templateFields(command).includes(named) ? named : null;
}
