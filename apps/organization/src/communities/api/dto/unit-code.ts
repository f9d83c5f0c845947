/** Statistical codes of units: letters, digits and dashes. */
export const unitCodePattern = /^[0-9A-Za-z-]{1,32}$/;
