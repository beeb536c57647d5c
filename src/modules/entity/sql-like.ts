/** Escapes LIKE's wildcards (`%`, `_`) and its escape character, so user text matches literally. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
