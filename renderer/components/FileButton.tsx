import Button from '@mui/material/Button';

/**
 * A button that opens the system's file chooser and hands over the file picked. The input is
 * emptied afterwards, so picking the same file again (after fixing it) is seen as a new choice.
 */
export function FileButton(props: { label: string; accept: string; testId: string; onFile(file: File): void }) {
  return (
    <Button component="label" size="small" variant="outlined" sx={{ whiteSpace: 'nowrap' }}>
      {props.label}
      <input
        hidden
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          e.target.value = '';
        }}
      />
    </Button>
  );
}
