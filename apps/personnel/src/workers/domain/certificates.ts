/**
 * The names of the certificates the career tracks ask for, as the 社会工作者职业资格 calls them. A step rule may name
 * any certificate code; one without a name here is shown by its code.
 */
const certificateNames: Readonly<Record<string, string>> = {
  'assistant-social-worker-qualification': '助理社会工作师职业资格证书',
  'social-worker-qualification': '社会工作师职业资格证书',
  'senior-social-worker-qualification': '高级社会工作师职业资格证书',
};

export function certificateName(code: string): string {
  return certificateNames[code] ?? code;
}
