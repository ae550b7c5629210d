import { MFA_PERIOD_MS, mfaCode, mfaSerialNumber } from '../../runtime/index.js';
import { fail, ok, type ConsoleCommand } from '../command.js';

/** The account's virtual MFA device, as an authenticator app would show it. */
export const mfaCommand: ConsoleCommand = {
  name: 'mfa',
  usage: 'mfa [--value]',
  summary: "show the account's virtual MFA device and its current code (for MFA Delete)",
  run(args, { world }) {
    const serial = mfaSerialNumber(world.accountId);
    const code = mfaCode(world.accountId, world.nowMs);
    if (args.length === 1 && args[0] === '--value') return ok(`${serial} ${code}\n`);
    if (args.length) return fail('usage: mfa (the virtual MFA device and its current code) | mfa --value (just "SERIAL CODE", for --mfa "$(mfa --value)")', 2);
    const secondsLeft = Math.ceil((MFA_PERIOD_MS - (world.nowMs % MFA_PERIOD_MS)) / 1000);
    return ok(`Virtual MFA device: ${serial}\nCurrent code:       ${code} (changes in ${secondsLeft}s of simulated time)\nUse it as: --mfa "${serial} ${code}"\n`);
  },
  complete: ({ args, partial }) => (args.length === 0 ? ['--value'].filter((w) => w.startsWith(partial)) : []),
};
