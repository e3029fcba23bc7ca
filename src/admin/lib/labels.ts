/** An API value ("at_risk", "reminded") as a chip reads it: sentence case ("At risk", "Reminded"). */
export const sentence = (value: string) => {
  const words = value.replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}
