// `@chatpoint/register/client`: the same client the element uses, for apps that render their own form.

export { solveAltcha } from '../../../widget/api/altcha.ts';
export {
  ApiError,
  type Registration,
  type RegistrationApi,
  registrationApi,
} from '../../../widget/api/registration-api.ts';
