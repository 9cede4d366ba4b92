/** Kabinet license files (`.slf`): format, keys and the `verify-license` command (ARCHITECTURE.md). */
export {
  LicenseBundleError,
  MAX_BUNDLE_LICENSES,
  splitLicenseBundle,
  type VerifyBundleInput,
  type VerifyBundleResult,
  verifyLicenseBundle,
} from './bundle';
export {
  decodeBase64Strict,
  encodeLicenseEnvelope,
  LICENSE_ALG,
  LICENSE_BEGIN,
  LICENSE_END,
  LICENSE_SIG_PREFIX,
  type LicenseEnvelope,
  type ParseEnvelopeResult,
  parseLicenseEnvelope,
  signedMessage,
} from './envelope';
export {
  formatLicenseDate,
  type LicenseKeySet,
  LicensePayload,
  type SignLicenseInput,
  signLicense,
  type VerifyErrorCode,
  type VerifyLicenseInput,
  type VerifyResult,
  verifyLicense,
} from './format';
export {
  generateSigningKey,
  type KeyInput,
  kidFor,
  LicenseKeyError,
  type PublicJwk,
  publicKeyFromPem,
  type SigningKey,
  toEd25519PublicKey,
  toPublicJwk,
} from './keys';
export {
  type FetchLikeResponse,
  runVerifyLicense,
  VERIFY_LICENSE_USAGE,
  type VerifyCliIo,
} from './verify-cli';
