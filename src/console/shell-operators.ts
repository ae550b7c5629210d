/**
 * The console runs one command per line: there is no shell behind it. Learners type pipes
 * and command lists out of habit (`aws s3api list-buckets | jq`), and passing `|` on to the
 * aws command as an argument would only give a confusing usage error, so find them first.
 */
export function unquotedOperator(line: string): string | undefined {
  let quote: '"' | "'" | undefined;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && quote !== "'") {
      i++;
    } else if ((c === "'" || c === '"') && (quote === undefined || quote === c)) {
      quote = quote ? undefined : c;
    } else if (!quote && c === '$' && line[i + 1] === '(') {
      depth++;
      i++;
    } else if (!quote && c === ')' && depth > 0) {
      depth--;
    } else if (!quote && depth === 0) {
      if (c === '|') return line[i + 1] === '|' ? '||' : '|';
      if (c === ';') return ';';
      if (c === '&' && line[i + 1] === '&') return '&&';
    }
  }
  return undefined;
}

export function operatorAdvice(operator: string): string {
  return operator === '|'
    ? 'awslab: the console has no pipes (|): run one command per line. To pick out part of the output, use --query, e.g. --query "Buckets[].Name" --output text'
    : `awslab: the console runs one command per line, without ${operator}: put each command on its own line`;
}
