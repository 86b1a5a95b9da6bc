import Button from '@mui/material/Button';

/**
 * A button that opens the system's file chooser and hands over the file picked. The input is
 * emptied afterwards, so picking the same file again (after fixing it) is seen as a new choice.
 */
export function FileButton(props: {
  label: string;
  accept: string;
  testId: string;
  onFile?(file: File): void;
  /** Several files at once (the chooser allows it), handed over together. */
  onFiles?(files: File[]): void;
  /** A folder instead of files: every file in it (and its subfolders) is handed over. */
  folder?: boolean;
}) {
  // React does not know the attribute; the browsers and Electron's Chromium all read it.
  const folder = props.folder ? { webkitdirectory: '' } : {};
  return (
    <Button component="label" size="small" variant="outlined" sx={{ whiteSpace: 'nowrap' }}>
      {props.label}
      <input
        hidden
        type="file"
        accept={props.accept}
        multiple={!!props.onFiles}
        {...folder}
        data-testid={props.testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length && props.onFiles) props.onFiles(files);
          else if (files[0]) props.onFile?.(files[0]);
          e.target.value = '';
        }}
      />
    </Button>
  );
}
