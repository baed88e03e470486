// Package files uploads, reads, downloads and deletes the files Xendit holds: KYC documents and chargeback evidence.
//
// The API reference: https://developers.xendit.co/api-reference/#files.
//
// A file's id goes into customers.KYCDocument.DocumentImages (purpose
// KYC_DOCUMENT) or into a card chargeback's evidence (CHARGEBACK_EVIDENCE).
//
// Uploads and downloads stream. [Client.Upload] reads its source while
// sending, through an io.Pipe, so a file is never held in memory (a 256 MiB
// upload and download stay under 1 MiB of heap); [Client.Download] hands
// back the response body unread, and [Client.DownloadTo] copies it to a
// writer.
//
//	f, err := os.Open("ktp.jpg")
//	...
//	defer f.Close()
//	file, err := files.New(client).Upload(ctx, &files.UploadParams{
//		Purpose:  files.PurposeKYCDocument,
//		Filename: "ktp.jpg",
//		Reader:   f,
//	})
//	// file.ID goes into customers.KYCDocument.DocumentImages.
//
// Upload has no idempotency header, so after a failure that may have reached
// Xendit it is not repeated: when [xendit.OutcomeUnknown] is true, the file
// may be stored; upload it again (a second copy is harmless, and its id is
// the one to use). Before that point (a connection that never
// opened, a 429) it is repeated only if the source can be read again: an
// io.ReaderAt with a known size (an *os.File, a *bytes.Reader) or an Open
// function. A plain io.Reader is sent at most once.
//
// The documented limits are checked before sending: the purpose, the type
// (PDF, PNG or JPEG, from ContentType, the file name's extension, or the
// first bytes) and the size. The reference gives the size limit as "less
// than 10 MB" and, for its 413 FILE_TOO_LARGE_EXCEEDED_ERROR, as 2,000,000
// bytes; the SDK enforces the larger, [DefaultMaxSize], so it never refuses
// a file Xendit might take, and a smaller server limit comes back as that
// 413. A source of unknown size is counted as it streams.
//
// The client's timeout ([xendit.WithTimeout]) bounds the wait for response
// headers, not the transfer itself: bound a large upload or download with
// the context.
//
// [UploadParams] is not a JSON body but the description of a multipart
// upload, so its optional hints stay values, where the template would have
// pointers: ContentType "" (worked out from the name or the bytes), Size 0
// (unknown, or measured) and MaxSize 0 ([DefaultMaxSize]) are never sent
// as such, so a zero can never reach Xendit by accident, which is what the
// pointer rule guards against.
//
// Files sends no callbacks, so the package has no callbacks.go.
package files
