// A generated news article with N check-worthy sentences (direct quotes with figures and attributions, so the claim
// finder suggests every one), for the panel benchmark. Deterministic: the same N gives the same page.
const NAMES = [
  'Maria Lopez',
  'James Carter',
  'Aisha Khan',
  'Tom Becker',
  'Elena Rossi',
  'David Osei',
  'Mei Chen',
  'Paul Novak',
];
const ROLES = [
  'the finance minister',
  'the health secretary',
  'a senior economist',
  'the mayor',
  'the union leader',
  'the opposition spokesperson',
];
const TOPICS = [
  'unemployment',
  'inflation',
  'the budget deficit',
  'hospital waiting lists',
  'housing costs',
  'crime',
  'energy prices',
  'school funding',
];
const VERBS = ['rose', 'fell', 'increased', 'dropped', 'climbed', 'declined'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

function sentence(i: number): string {
  const name = NAMES[i % NAMES.length]!;
  const role = ROLES[(i >> 1) % ROLES.length]!;
  const topic = TOPICS[(i >> 2) % TOPICS.length]!;
  const verb = VERBS[i % VERBS.length]!;
  const month = MONTHS[(i >> 3) % MONTHS.length]!;
  const pct = ((i * 37) % 190) / 10 + 1.2;
  const amount = 2 + ((i * 13) % 97);
  const year = 1990 + (i % 30);
  switch (i % 4) {
    case 0:
      return `“${capital(topic)} ${verb} by ${pct.toFixed(1)} percent in ${month}, the largest change since ${year},” ${name}, ${role}, said on Tuesday.`;
    case 1:
      return `According to ${name}, ${role}, the government spent $${amount} billion on ${topic} last year, ${pct.toFixed(1)}% more than in ${year}.`;
    case 2:
      return `“We have cut ${topic} by ${pct.toFixed(1)} percent and saved $${amount} million,” ${name} told reporters, citing official figures from ${month}.`;
    default:
      return `${name}, ${role}, said ${topic} ${verb} to ${amount} million in ${month}, the highest level since ${year}, according to the statistics office.`;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function claimsPage(count: number): string {
  const paragraphs = Array.from({ length: count }, (_, i) => `    <p>${sentence(i)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Claims benchmark: ${count} quoted figures</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
  <main>
  <article>
    <h1>What the officials said: ${count} figures in one report</h1>
    <p class="byline">By Bench Reporter, Benchmark News</p>
${paragraphs}
  </article>
  </main>
  <footer><p>© Benchmark News</p></footer>
</body>
</html>
`;
}
