/** Names of the Terraform outputs the cloud renderer writes (re-exported from the core). */
export { clientIdOutputName, roleArnOutputName } from '../core/declaration/outputs';
