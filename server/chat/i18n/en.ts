/** System lines in a conversation, put into words in the reader's language when read. */
export const en = {
  joinedThroughSite: '{name} joined {workdomain} through its website.',
  joinedThroughPage: '{name} joined {workdomain} through its registration page.',
  picAssigned: '{pic} now looks after this conversation.',
};

export type SystemLineWords = typeof en;
