// How ZStack's server treats the text of a String parameter before validating and storing it, shared by the
// checks (what a conformant server stores) and the generators (what to send so that the stored form is known).

/**
 * Java String.trim(): strips characters up to U+0020 at both ends, not other Unicode spaces
 * (docs/zstack-protocol.md#string-trimming).
 */
// Java's String.trim() strips every character up to U+0020, control characters included
// eslint-disable-next-line no-control-regex
export const javaTrim = (s: string): string => s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
