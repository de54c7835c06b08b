export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_MAX_BACKUP_BYTES,
  DEFAULT_MAX_BACKUP_CLAIMS,
  type BackupClaim,
  type BackupDismissal,
  type BackupEntry,
  type BackupFile,
  type BackupPage,
} from './format';
export {
  parseBackup,
  parseBackupBytes,
  tooLarge,
  type BackupCounts,
  type BackupProblem,
  type ParseBackupOptions,
  type ParseBackupResult,
} from './parse';
export { serializeBackup } from './serialize';
