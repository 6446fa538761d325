/** System lines in a conversation, put into words in the reader's language when read. */
export const en = {
  joinedThroughSite: '{name} joined {workdomain} through its website.',
  joinedThroughPage: '{name} joined {workdomain} through its registration page.',
  picAssigned: '{pic} now looks after this conversation.',
  /** A ticked or unticked checkbox among a registrant's answers. */
  yes: 'yes',
  no: 'no',
};

export type SystemLineWords = typeof en;
