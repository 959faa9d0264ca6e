/**
 * What a test file needs from outside its own code (a tool on the PATH, a build output). Under
 * CI=true a missing prerequisite fails the test file with the reason; elsewhere the file's tests skip
 * and the reason is printed, so a local `npx jest test/<file>` still runs everything else.
 */

/**
 * `problem` is why the prerequisite is missing (undefined when it is there): throws it under CI=true,
 * otherwise prints it and returns false (use `describe.skip`).
 */
export function prerequisite(problem: string | undefined): boolean {
  if (problem === undefined) return true;
  if (process.env.CI === "true") throw new Error(problem);
  console.warn(`Skipping: ${problem}`);
  return false;
}
