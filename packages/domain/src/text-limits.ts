/**
 * The most characters each kind of text may hold: the schemas refuse more (`too_big`), and the
 * web shows the same figure as a counter beside the field (never cutting what was typed).
 */
export const TEXT_MAX = {
  /** A code: a department's, a project's, a cause's (`zhujian`). */
  code: 40,
  username: 40,
  /** Names of persons, districts and causes; a person's title; an account's display name. */
  name: 50,
  departmentShortName: 20,
  /** Names of departments, projects and working groups. */
  longName: 100,
  /** A milestone's or a common problem's title; a plan's title. */
  title: 200,
  /** A rectification item's (or a review's follow-up action's) title and cause. */
  itemText: 500,
  /** Notes and reasons: a status note, a progress note or correction reason, a responsibility change. */
  note: 500,
  /** A rectification item's measure; a project's problem statement. */
  measure: 1000,
  /** A common problem's description and measure. */
  description: 2000,
  /** An evidence file's name, as uploaded. */
  fileName: 200,
  /** A review's findings and decisions per project, an addendum. */
  reviewText: 4000,
  /** A webhook's address (a 企业微信 or 钉钉 group robot's). */
  url: 1000,
  /** An e-mail address (RFC 5321's limit). */
  email: 254,
  /** A server's host name (DNS's limit). */
  host: 253,
  /** A password or signing secret a channel keeps for its server. */
  secret: 200,
} as const;
