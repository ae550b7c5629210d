import { describeTasks } from './tasks.js';
import { text, type LabCommand } from './lab-command.js';

export const checkCommand: LabCommand = {
  name: 'check',
  usage: 'check',
  summary: 'check every task now and say why each passes or not',
  run(_args, session) {
    session.check();
    return text(describeTasks(session, true));
  },
};
