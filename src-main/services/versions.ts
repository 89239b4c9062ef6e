// The simulator model's version, stored with every experiment so a result can be traced to the
// model that produced it. Bump it whenever a change to src-main/sim can change a number.
export const MODEL_VERSION = '0.4.0';
