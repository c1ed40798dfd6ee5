// Work done once per distinct input, not per reader (rendered pages themselves live in the edge
// cache, web/edge-cache.ts).
/**
 * A text transformation (Markdown to HTML, an excerpt) done once per distinct input, not per
 * reader: keyed by the text itself, so a changed letter is rendered anew and nothing goes stale.
 * Keeps the last `max` inputs.
 */
export function memoByText(transform: (text: string) => string, max = 50): (text: string) => string {
  const done = new Map<string, string>();
  return (text) => {
    let result = done.get(text);
    if (result === undefined) {
      result = transform(text);
      if (done.size >= max) done.delete(done.keys().next().value!);
      done.set(text, result);
    }
    return result;
  };
}
