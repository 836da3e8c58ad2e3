// Moved to src/hooks so every subpackage shares one; kept here so the consultation pages' imports stand.
export { useAction } from '../../../hooks/useAction'
